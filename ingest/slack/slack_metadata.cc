#include "ingest/slack/slack_metadata.h"

#include "ingest/slack/json_values.h"

namespace backscroll::ingest::slack {
namespace {

// Reads the "value" of a topic/purpose object.
void read_text_value(JsonValue v, std::string_view field, std::string& out) {
  std::optional<JsonObject> o = json_object(v, field);
  if (!o) return;
  for (auto f : *o) {
    std::string_view key = f.unescaped_key();
    if (key == "value") json_string_into(f.value(), "value", out);
  }
}

core::User read_user(JsonObject o) {
  core::User u;
  std::string profile_real_name;
  for (auto f : o) {
    std::string_view key = f.unescaped_key();
    JsonValue v = f.value();
    if (key == "id") {
      u.id.value = json_string(v, key);
    } else if (key == "name") {
      json_string_into(v, key, u.name);
    } else if (key == "real_name") {
      json_string_into(v, key, u.real_name);
    } else if (key == "deleted") {
      u.deleted = json_bool(v, key);
    } else if (key == "is_bot") {
      u.is_bot = json_bool(v, key);
    } else if (key == "profile") {
      std::optional<JsonObject> profile = json_object(v, key);
      if (!profile) continue;
      for (auto p : *profile) {
        std::string_view pkey = p.unescaped_key();
        if (pkey == "display_name") {
          json_string_into(p.value(), pkey, u.display_name);
        } else if (pkey == "real_name") {
          json_string_into(p.value(), pkey, profile_real_name);
        }
      }
    }
  }
  if (u.real_name.empty()) u.real_name = std::move(profile_real_name);
  return u;
}

core::Conversation read_conversation(JsonObject o, core::ConversationKind kind) {
  core::Conversation c;
  c.kind = kind;
  for (auto f : o) {
    std::string_view key = f.unescaped_key();
    JsonValue v = f.value();
    if (key == "id") {
      c.id.value = json_string(v, key);
    } else if (key == "name") {
      json_string_into(v, key, c.name);
    } else if (key == "created") {
      c.created = json_int(v, key).value_or(0);
    } else if (key == "is_archived") {
      c.archived = json_bool(v, key);
    } else if (key == "is_mpim") {
      if (json_bool(v, key)) c.kind = core::ConversationKind::kMpim;
    } else if (key == "topic") {
      read_text_value(v, key, c.topic);
    } else if (key == "purpose") {
      read_text_value(v, key, c.purpose);
    } else if (key == "members") {
      std::optional<JsonArray> members = json_array(v, key);
      if (!members) continue;
      for (auto m : *members)
        c.members.emplace_back(std::string(json_string(m.value(), "members")));
    }
  }
  if (c.kind == core::ConversationKind::kDm && c.name.empty()) c.name = c.id.value;
  return c;
}

}  // namespace

struct MetadataReader::Impl {
  simdjson::ondemand::parser parser;
};

MetadataReader::MetadataReader() : impl_(std::make_unique<Impl>()) {}
MetadataReader::~MetadataReader() = default;

core::Result<std::vector<core::User>> MetadataReader::read_users(const EntryData& data) {
  std::vector<core::User> users;
  core::Result<void> r = parse_json_document(impl_->parser, data, [&](auto& doc) {
    for (auto element : doc.get_array()) {
      std::optional<JsonObject> o = json_object(element.value(), "users[]");
      if (!o) continue;
      core::User u = read_user(*o);
      if (!u.id.empty()) users.push_back(std::move(u));
    }
  });
  if (!r) return core::Unexpected{r.error()};
  return users;
}

core::Result<std::vector<core::Conversation>> MetadataReader::read_conversations(
    const EntryData& data, core::ConversationKind kind) {
  std::vector<core::Conversation> conversations;
  core::Result<void> r = parse_json_document(impl_->parser, data, [&](auto& doc) {
    for (auto element : doc.get_array()) {
      std::optional<JsonObject> o = json_object(element.value(), "conversations[]");
      if (!o) continue;
      core::Conversation c = read_conversation(*o, kind);
      if (!c.id.empty()) conversations.push_back(std::move(c));
    }
  });
  if (!r) return core::Unexpected{r.error()};
  return conversations;
}

}  // namespace backscroll::ingest::slack
