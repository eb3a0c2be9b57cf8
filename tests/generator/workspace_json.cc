// The metadata files of the export, shaped like Slack's own (users.list and
// conversations objects), including the quirks of old exports that ingesters
// must accept: "created" and "last_set" sometimes as strings.
#include <string>

#include "core/json_writer.h"
#include "tests/generator/workspace.h"

namespace backscroll::generator {
namespace {

std::string image_url(const User& u, int size) {
  return "https://avatars.slack-edge.com/2022-03-14/" + u.avatar_hash + "_" + std::to_string(size) +
         ".png";
}

void write_profile(core::JsonWriter& w, const Workspace& ws, const User& u) {
  w.key("profile");
  w.begin_object();
  w.field("title", u.title);
  w.field("phone", "");
  w.field("skype", "");
  w.field("real_name", u.real_name);
  w.field("real_name_normalized", u.real_name);
  w.field("display_name", u.display_name);
  w.field("display_name_normalized", u.display_name);
  w.key("fields");
  w.begin_object();
  w.end_object();
  w.field("status_text", "");
  w.field("status_emoji", "");
  w.field("status_expiration", 0);
  w.field("avatar_hash", u.avatar_hash);
  if (!u.is_bot && u.id != "USLACKBOT") {
    w.field("email", u.name + "@example.com");
  }
  w.field("first_name", u.first_name);
  w.field("last_name", u.last_name);
  for (int size : {24, 32, 48, 72, 192, 512}) {
    w.field("image_" + std::to_string(size), image_url(u, size));
  }
  if (u.is_bot) {
    w.field("bot_id", u.bot_id);
    w.field("api_app_id", u.app_id);
    w.field("always_active", true);
  }
  w.field("team", ws.team_id);
  w.end_object();
}

void write_user(core::JsonWriter& w, const Workspace& ws, const User& u) {
  w.begin_object();
  w.field("id", u.id);
  w.field("team_id", ws.team_id);
  w.field("name", u.name);
  w.field("deleted", u.deleted);
  if (!u.deleted) {
    w.field("color", u.color);
    w.field("real_name", u.real_name);
    w.field("tz", u.tz);
    w.field("tz_label", u.tz == "America/Los_Angeles" ? "Pacific Standard Time" : u.tz);
    w.field("tz_offset", u.tz == "America/Los_Angeles" ? -28800 : 0);
  }
  write_profile(w, ws, u);
  if (!u.deleted) {
    w.field("is_admin", u.is_admin);
    w.field("is_owner", u.is_admin);
    w.field("is_primary_owner", false);
    w.field("is_restricted", false);
    w.field("is_ultra_restricted", false);
  }
  w.field("is_bot", u.is_bot);
  w.field("is_app_user", false);
  w.field("updated", static_cast<std::int64_t>(1640995200));
  w.end_object();
}

// An integer, or the same digits as a string when the object is "old".
void write_time(core::JsonWriter& w, std::string_view key, std::int64_t t, bool as_string) {
  w.key(key);
  if (as_string) {
    w.value(std::to_string(t));
  } else {
    w.value(t);
  }
}

void write_text_meta(core::JsonWriter& w, std::string_view key, const std::string& value,
                     const std::string& creator, std::int64_t when, bool as_string) {
  w.key(key);
  w.begin_object();
  w.field("value", value);
  w.field("creator", value.empty() ? std::string() : creator);
  write_time(w, "last_set", value.empty() ? 0 : when, as_string);
  w.end_object();
}

void write_conversation(core::JsonWriter& w, const Workspace& ws, const Conversation& c) {
  const std::string& creator = ws.users[c.creator].id;
  w.begin_object();
  w.field("id", c.id);
  if (c.kind == ConversationKind::kDm) {
    write_time(w, "created", c.created, false);
    w.key("members");
    w.begin_array();
    for (int m : c.members) w.value(ws.users[m].id);
    w.end_array();
    w.end_object();
    return;
  }
  w.field("name", c.name);
  write_time(w, "created", c.created, c.created_as_string);
  w.field("creator", creator);
  w.field("is_archived", c.archived);
  w.field("is_general", c.is_general);
  if (c.kind == ConversationKind::kMpim) w.field("is_mpim", true);
  w.key("members");
  w.begin_array();
  for (int m : c.members) w.value(ws.users[m].id);
  w.end_array();
  write_text_meta(w, "topic", c.topic, creator, c.created + 3600, c.created_as_string);
  write_text_meta(w, "purpose", c.purpose, creator, c.created, c.created_as_string);
  w.end_object();
}

}  // namespace

std::string users_json(const Workspace& ws) {
  core::JsonWriter w;
  w.begin_array();
  for (const auto& u : ws.users) write_user(w, ws, u);
  w.end_array();
  return w.take();
}

std::string conversations_json(const Workspace& ws, ConversationKind kind) {
  core::JsonWriter w;
  w.begin_array();
  for (const auto& c : ws.conversations) {
    if (c.kind == kind) write_conversation(w, ws, c);
  }
  w.end_array();
  return w.take();
}

}  // namespace backscroll::generator
