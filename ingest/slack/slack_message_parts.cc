#include "ingest/slack/slack_message_parts.h"

#include <algorithm>

#include "ingest/slack/markup.h"

namespace backscroll::ingest::slack {
namespace {

// A string field holding mrkdwn: resolved into `out`.
void read_mrkdwn(JsonValue v, std::string_view field, const NameDirectory& names, std::string& out,
                 std::vector<std::string>& links) {
  out.clear();
  append_mrkdwn_text(json_string(v, field), names, out, &links);
}

void read_fields(JsonValue v, const NameDirectory& names, std::vector<core::AttachmentField>& out,
                 std::vector<std::string>& links) {
  std::optional<JsonArray> fields = json_array(v, "fields");
  if (!fields) return;
  for (auto element : *fields) {
    std::optional<JsonObject> o = json_object(element.value(), "fields[]");
    if (!o) continue;
    core::AttachmentField field;
    for (auto f : *o) {
      std::string_view key = f.unescaped_key();
      if (key == "title") {
        read_mrkdwn(f.value(), key, names, field.title, links);
      } else if (key == "value") {
        read_mrkdwn(f.value(), key, names, field.value, links);
      }
    }
    if (!field.title.empty() || !field.value.empty()) out.push_back(std::move(field));
  }
}

core::Attachment read_attachment(JsonObject o, const NameDirectory& names,
                                 std::vector<std::string>& links) {
  core::Attachment a;
  for (auto f : o) {
    std::string_view key = f.unescaped_key();
    JsonValue v = f.value();
    if (key == "pretext") {
      read_mrkdwn(v, key, names, a.pretext, links);
    } else if (key == "author_name") {
      read_mrkdwn(v, key, names, a.author_name, links);
    } else if (key == "title") {
      read_mrkdwn(v, key, names, a.title, links);
    } else if (key == "title_link") {
      json_string_into(v, key, a.title_link);
    } else if (key == "text") {
      read_mrkdwn(v, key, names, a.text, links);
    } else if (key == "fallback") {
      read_mrkdwn(v, key, names, a.fallback, links);
    } else if (key == "fields") {
      read_fields(v, names, a.fields, links);
    } else if (key == "footer") {
      read_mrkdwn(v, key, names, a.footer, links);
    } else if (key == "from_url") {
      json_string_into(v, key, a.from_url);
    }
  }
  add_link(a.title_link, links);
  add_link(a.from_url, links);
  return a;
}

}  // namespace

void add_link(std::string_view url, std::vector<std::string>& links) {
  if (url.empty()) return;
  if (std::find(links.begin(), links.end(), url) == links.end()) links.emplace_back(url);
}

void read_attachments(JsonValue v, const NameDirectory& names, std::vector<core::Attachment>& out,
                      std::vector<std::string>& links) {
  std::optional<JsonArray> attachments = json_array(v, "attachments");
  if (!attachments) return;
  for (auto element : *attachments) {
    std::optional<JsonObject> o = json_object(element.value(), "attachments[]");
    if (o) out.push_back(read_attachment(*o, names, links));
  }
}

void read_file(JsonValue v, std::vector<core::FileRef>& out) {
  std::optional<JsonObject> o = json_object(v, "file");
  if (!o) return;
  core::FileRef file;
  for (auto f : *o) {
    std::string_view key = f.unescaped_key();
    JsonValue value = f.value();
    if (key == "id") {
      json_string_into(value, key, file.id);
    } else if (key == "name") {
      json_string_into(value, key, file.name);
    } else if (key == "title") {
      json_string_into(value, key, file.title);
    } else if (key == "filetype") {
      json_string_into(value, key, file.filetype);
    } else if (key == "preview") {
      json_string_into(value, key, file.preview);
    }
  }
  if (!file.id.empty() || !file.name.empty()) out.push_back(std::move(file));
}

void read_files(JsonValue v, std::vector<core::FileRef>& out) {
  std::optional<JsonArray> files = json_array(v, "files");
  if (!files) return;
  for (auto element : *files) read_file(element.value(), out);
}

void read_reactions(JsonValue v, std::vector<core::Reaction>& out) {
  std::optional<JsonArray> reactions = json_array(v, "reactions");
  if (!reactions) return;
  for (auto element : *reactions) {
    std::optional<JsonObject> o = json_object(element.value(), "reactions[]");
    if (!o) continue;
    core::Reaction reaction;
    for (auto f : *o) {
      std::string_view key = f.unescaped_key();
      JsonValue value = f.value();
      if (key == "name") {
        json_string_into(value, key, reaction.name);
      } else if (key == "count") {
        std::int64_t n = json_int(value, key).value_or(0);
        reaction.count = n < 0 ? 0 : static_cast<std::uint32_t>(n);
      } else if (key == "users") {
        std::optional<JsonArray> users = json_array(value, key);
        if (!users) continue;
        for (auto u : *users) reaction.users.emplace_back(std::string(json_string(u.value(), key)));
      }
    }
    if (!reaction.name.empty()) out.push_back(std::move(reaction));
  }
}

}  // namespace backscroll::ingest::slack
