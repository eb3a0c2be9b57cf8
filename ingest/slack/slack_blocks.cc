// Block Kit text for bots and apps: see append_blocks_text() in
// slack_message_parts.h. Example: an app post with
//   blocks: [{"type":"header","text":{"type":"plain_text","text":"Deploy done"}},
//            {"type":"section","text":{"type":"mrkdwn","text":"*prod* by <@U1>"},
//             "fields":[{"type":"mrkdwn","text":"*Env*\nprod"}]}]
// and text "Deploy done" gives blocks_text "prod by @Basti\nEnv\nprod": the header
// is already in `text`, the section's text and fields form one line group.

#include <string>

#include "ingest/slack/markup.h"
#include "ingest/slack/slack_message_parts.h"

namespace backscroll::ingest::slack {
namespace {

struct BlockContext {
  const NameDirectory& names;
  std::vector<std::string>& links;
};

void join(const std::vector<std::string>& parts, std::string_view separator, std::string& out) {
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out.append(separator);
    out += p;
  }
}

// Renders one block or element object into `out` (see the file comment of
// slack_message_parts.h for which types carry text).
void render_element(JsonObject o, BlockContext& ctx, std::string& out) {
  std::string type, text, text_child, url, user_id, channel_id, range, name, usergroup_id, fallback;
  std::vector<std::string> children, fields;
  for (auto f : o) {
    std::string_view key = f.unescaped_key();
    JsonValue v = f.value();
    if (key == "type") {
      json_string_into(v, key, type);
    } else if (key == "text") {
      if (v.type() == simdjson::ondemand::json_type::object) {
        render_element(v.get_object(), ctx, text_child);
      } else {
        json_string_into(v, key, text);
      }
    } else if (key == "elements" || key == "fields") {
      std::optional<JsonArray> items = json_array(v, key);
      if (!items) continue;
      auto& list = key == "fields" ? fields : children;
      for (auto item : *items) {
        std::optional<JsonObject> child = json_object(item.value(), key);
        if (!child) continue;
        list.emplace_back();
        render_element(*child, ctx, list.back());
      }
    } else if (key == "url") {
      json_string_into(v, key, url);
    } else if (key == "user_id") {
      json_string_into(v, key, user_id);
    } else if (key == "channel_id") {
      json_string_into(v, key, channel_id);
    } else if (key == "range") {
      json_string_into(v, key, range);
    } else if (key == "name") {
      json_string_into(v, key, name);
    } else if (key == "usergroup_id") {
      json_string_into(v, key, usergroup_id);
    } else if (key == "fallback") {
      json_string_into(v, key, fallback);
    }
  }
  if (type == "mrkdwn") {
    append_mrkdwn_text(text, ctx.names, out, &ctx.links);
  } else if (type == "plain_text" || type == "text") {
    out += text;
  } else if (type == "link") {
    add_link(url, ctx.links);
    if (text.empty() || text == url) {
      out += url;
    } else {
      out += text + " (" + url + ")";
    }
  } else if (type == "user") {
    const std::string* shown = ctx.names.user_name(user_id);
    out += '@';
    out += shown ? *shown : user_id;
  } else if (type == "channel") {
    const std::string* shown = ctx.names.conversation_name(channel_id);
    out += '#';
    out += shown ? *shown : channel_id;
  } else if (type == "usergroup") {
    out += '@' + usergroup_id;
  } else if (type == "broadcast") {
    out += '@' + range;
  } else if (type == "emoji") {
    out += ':' + name + ':';
  } else if (type == "date") {
    out += fallback;
  } else if (type == "header") {
    out += text_child;
  } else if (type == "section") {
    std::vector<std::string> parts{text_child};
    parts.insert(parts.end(), fields.begin(), fields.end());
    join(parts, "\n", out);
  } else if (type == "context") {
    join(children, " ", out);
  } else if (type == "rich_text" || type == "rich_text_list") {
    join(children, "\n", out);
  } else if (type == "rich_text_section" || type == "rich_text_preformatted" ||
             type == "rich_text_quote") {
    join(children, "", out);
  }
  // Anything else (divider, actions, image, table, button, ...) adds nothing.
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

void append_blocks_text(simdjson::ondemand::parser& parser, std::string_view raw,
                        const char* buffer_end, const char* file_begin, const NameDirectory& names,
                        std::string_view text, std::string& out, std::vector<std::string>& links) {
  simdjson::ondemand::document doc;
  auto capacity = static_cast<std::size_t>(buffer_end - raw.data());
  auto offset_of = [&](const char* p) { return static_cast<std::uint64_t>(p - file_begin); };
  if (auto err = parser.iterate(raw.data(), raw.size(), capacity).get(doc); err)
    throw JsonLocatedError(std::string("blocks: ") + simdjson::error_message(err),
                           offset_of(raw.data()));
  BlockContext ctx{names, links};
  std::string piece;
  try {
    for (auto block : doc.get_array()) {
      std::optional<JsonObject> o = json_object(block.value(), "blocks[]");
      if (!o) continue;
      piece.clear();
      render_element(*o, ctx, piece);
      std::string_view line = trim(piece);
      if (line.empty() || text.find(line) != std::string_view::npos ||
          out.find(line) != std::string::npos)
        continue;
      if (!out.empty()) out += '\n';
      out.append(line);
    }
  } catch (const std::exception& e) {
    const char* where = nullptr;
    std::optional<std::uint64_t> offset;
    if (doc.current_location().get(where) == simdjson::SUCCESS) offset = offset_of(where);
    throw JsonLocatedError(std::string("blocks: ") + e.what(), offset);
  }
}

}  // namespace backscroll::ingest::slack
