#pragma once
// How boolean terms are spelled (prefixes are in schema.h). The document
// builder writes these and query/ filters on them, so both call these functions.
//
// Xapian refuses terms longer than 245 bytes; a value that would make a longer
// term is cut at kMaxTermBytes (ids are far shorter in practice; bot names used
// as author ids are the only values that could come near).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/slack_ts.h"

namespace backscroll::index {

inline constexpr std::size_t kMaxTermBytes = 240;

// prefix + value, cut at kMaxTermBytes.
std::string boolean_term(std::string_view prefix, std::string_view value);

// Unique id term: "Q" + conversation id + ":" + ts string, e.g. "QC024BE91L:1516457078.000065".
std::string id_term(const core::ConversationId& conversation, const core::SlackTs& ts);

// Thread term: "XT" + conversation id + ":" + thread_ts string.
std::string thread_term(const core::ConversationId& conversation, const core::SlackTs& thread_ts);

// Reaction term: "XR" + the emoji name, lower case, without surrounding
// colons and without a skin-tone modifier: "+1::skin-tone-2" -> "XR+1",
// ":Fire:" -> "XRfire". query/ calls it with the value of has::fire:.
std::string reaction_term(std::string_view name);

// Bot name term: "XB" + the message's author_name (the name a bot posted
// under), lower case: "PagerDuty" -> "XBpagerduty". query/ calls it with the
// value of from:pagerduty.
std::string bot_name_term(std::string_view name);

// kSlotMonth value: the ts's month in UTC, "YYYY-MM" ("2018-01").
std::string month_value(const core::SlackTs& ts);

// Document data: conversation id + '\n' + ts string. query/ loads the message
// from the archive with what parse_document_data() returns.
std::string document_data(const core::ConversationId& conversation, const core::SlackTs& ts);

struct DocumentKey {
  core::ConversationId conversation;
  core::SlackTs ts;
};
// Inverse of document_data(); nullopt when `data` is not of that form.
std::optional<DocumentKey> parse_document_data(std::string_view data);

}  // namespace backscroll::index
