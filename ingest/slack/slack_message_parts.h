#pragma once
// Readers for the parts of a Slack message object (internal to ingest/):
// attachments, files, reactions and blocks. Each throws FieldTypeError or
// simdjson_error on malformed input (see json_values.h).

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "ingest/name_directory.h"
#include "ingest/slack/json_values.h"

namespace backscroll::ingest::slack {

// "attachments": [...]; strings with markup resolved, URLs (title_link, from_url,
// links in the texts) appended to `links`.
void read_attachments(JsonValue v, const NameDirectory& names, std::vector<core::Attachment>& out,
                      std::vector<std::string>& links);
// "files": [...] (modern) or "file": {...} (legacy, one object).
void read_files(JsonValue v, std::vector<core::FileRef>& out);
void read_file(JsonValue v, std::vector<core::FileRef>& out);
// "reactions": [...].
void read_reactions(JsonValue v, std::vector<core::Reaction>& out);

// Block text of a "blocks" array given as its raw JSON, which must lie inside a
// buffer readable up to `buffer_end` (>= raw end + padding). Appends to `out` one
// line per section/header/context/rich_text block whose text is not already
// contained in `text` nor in an earlier line. Text objects of type mrkdwn get
// markup resolution; plain_text and rich_text leaves are taken verbatim (block
// text is not entity-escaped). Link URLs go to `links`.
// Throws JsonLocatedError (offset relative to `file_begin`) on malformed blocks.
void append_blocks_text(simdjson::ondemand::parser& parser, std::string_view raw,
                        const char* buffer_end, const char* file_begin, const NameDirectory& names,
                        std::string_view text, std::string& out, std::vector<std::string>& links);

// Adds `url` to `links` unless empty or present.
void add_link(std::string_view url, std::vector<std::string>& links);

}  // namespace backscroll::ingest::slack
