#include "index/terms.h"

#include <xapian.h>

#include "core/calendar.h"
#include "index/schema.h"

namespace backscroll::index {

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix);
  term.append(value);
  if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
  return term;
}

namespace {
std::string joined(std::string_view prefix, const core::ConversationId& conversation,
                   const core::SlackTs& ts) {
  std::string value = conversation.str();
  value += ':';
  value += ts.str();
  return boolean_term(prefix, value);
}
}  // namespace

std::string id_term(const core::ConversationId& conversation, const core::SlackTs& ts) {
  return joined(kIdPrefix, conversation, ts);
}

std::string thread_term(const core::ConversationId& conversation, const core::SlackTs& thread_ts) {
  return joined(kThreadPrefix, conversation, thread_ts);
}

namespace {
std::string lower_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it)
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
  return out;
}
}  // namespace

std::string reaction_term(std::string_view name) {
  while (!name.empty() && name.front() == ':') name.remove_prefix(1);
  if (auto modifier = name.find("::"); modifier != std::string_view::npos)
    name = name.substr(0, modifier);
  while (!name.empty() && name.back() == ':') name.remove_suffix(1);
  return boolean_term(kReactionPrefix, lower_utf8(name));
}

std::string bot_name_term(std::string_view name) {
  return boolean_term(kBotNamePrefix, lower_utf8(name));
}

std::string month_value(const core::SlackTs& ts) {
  return core::format_iso_utc(ts.micros()).substr(0, 7);
}

std::string document_data(const core::ConversationId& conversation, const core::SlackTs& ts) {
  std::string data = conversation.str();
  data += '\n';
  data += ts.str();
  return data;
}

std::optional<DocumentKey> parse_document_data(std::string_view data) {
  std::size_t newline = data.find('\n');
  if (newline == std::string_view::npos || newline == 0) return std::nullopt;
  std::optional<core::SlackTs> ts = core::SlackTs::parse(data.substr(newline + 1));
  if (!ts) return std::nullopt;
  return DocumentKey{core::ConversationId(std::string(data.substr(0, newline))), *ts};
}

}  // namespace backscroll::index
