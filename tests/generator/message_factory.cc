#include "tests/generator/message_factory.h"

#include <algorithm>

#include "core/json_writer.h"
#include "tests/generator/vocabulary.h"

namespace backscroll::generator {
namespace {

std::string uuid(Rng& rng) {
  std::string s = rng.chars(32, kHex);
  s[12] = '4';
  s[16] = "89ab"[rng.below(4)];
  return s.substr(0, 8) + "-" + s.substr(8, 4) + "-" + s.substr(12, 4) + "-" + s.substr(16, 4) +
         "-" + s.substr(20);
}

constexpr std::string_view kSkinTones[] = {"::skin-tone-2", "::skin-tone-3", "::skin-tone-5"};

}  // namespace

MessageFactory::MessageFactory(const Workspace& ws, const Conversation& conversation)
    : ws_(ws), conv_(conversation), text_(ws, conversation) {}

std::string MessageFactory::build(Rng& rng, const MessageSpec& spec) {
  core::JsonWriter w;
  switch (spec.kind) {
    case MessageKind::kHuman:
      write_human(w, rng, spec, false);
      break;
    case MessageKind::kFileShare:
      write_human(w, rng, spec, true);
      break;
    case MessageKind::kJoin:
    case MessageKind::kLeave:
      write_event(w, rng, spec);
      break;
    case MessageKind::kPagerDuty:
      write_pagerduty(w, rng, spec);
      break;
    case MessageKind::kDatadog:
      write_datadog(w, rng, spec);
      break;
    case MessageKind::kDeploy:
      write_deploy(w, rng, spec);
      break;
    case MessageKind::kTombstone:
      write_tombstone(w, spec);
      break;
  }
  return w.take();
}

void MessageFactory::write_human(core::JsonWriter& w, Rng& rng, const MessageSpec& spec,
                                 bool with_file) {
  const User& author = ws_.users[spec.user];
  RichText body;
  if (!with_file || rng.percent(60)) {
    body = spec.reply != nullptr ? text_.reply(rng) : text_.message(rng);
  }
  w.begin_object();
  w.field("client_msg_id", uuid(rng));
  w.field("type", "message");
  if (spec.reply != nullptr && spec.reply->broadcast) w.field("subtype", "thread_broadcast");
  w.field("text", to_mrkdwn(body));
  if (with_file) {
    w.key("files");
    w.begin_array();
    write_file(w, rng, spec);
    w.end_array();
    w.field("upload", true);
  }
  w.field("user", author.id);
  if (with_file) w.field("display_as_bot", false);
  w.field("ts", spec.ts.str());
  if (!body.paragraphs.empty()) {
    w.key("blocks");
    w.begin_array();
    write_rich_text_block(w, body, rng.chars(5, kAlnum));
    w.end_array();
  }
  w.field("team", ws_.team_id);
  w.field("user_team", ws_.team_id);
  w.field("source_team", ws_.team_id);
  w.key("user_profile");
  w.raw(author.profile_json);
  if (rng.percent(6)) {
    w.key("edited");
    w.begin_object();
    w.field("user", author.id);
    auto edited = core::SlackTs::from_micros((spec.ts.seconds() + rng.between(5, 3600)) * 1000000);
    w.field("ts", edited.str());
    w.end_object();
  }
  write_thread_fields(w, spec);
  write_extras(w, rng, spec);
  w.end_object();
}

void MessageFactory::write_file(core::JsonWriter& w, Rng& rng, const MessageSpec& spec) {
  const User& author = ws_.users[spec.user];
  std::string id = "F" + rng.chars(10, kUpperAlnum);
  std::string name(rng.pick(vocab::file_names()));
  std::string ext = name.substr(name.rfind('.') + 1);
  bool image = ext == "png";
  bool text = !image && ext != "pdf";
  const std::string base = "https://files.slack.com/files-pri/" + ws_.team_id + "-" + id;
  w.begin_object();
  w.field("id", id);
  w.field("created", spec.ts.seconds());
  w.field("timestamp", spec.ts.seconds());
  w.field("name", name);
  w.field("title", rng.percent(70) ? name : text_.plain(rng, "{service} {word} {ticket}"));
  w.field("mimetype", image ? "image/png" : ext == "pdf" ? "application/pdf" : "text/plain");
  w.field("filetype", ext == "yaml"  ? "yaml"
                      : ext == "sql" ? "sql"
                      : ext == "sh"  ? "shell"
                      : ext == "csv" ? "csv"
                                     : ext);
  w.field("pretty_type", image ? "PNG" : ext == "pdf" ? "PDF" : "Plain Text");
  w.field("user", author.id);
  w.field("user_team", ws_.team_id);
  w.field("editable", text);
  w.field("size", rng.between(200, 2000000));
  w.field("mode", text ? "snippet" : "hosted");
  w.field("is_external", false);
  w.field("external_type", "");
  w.field("is_public", conv_.kind == ConversationKind::kChannel);
  w.field("public_url_shared", false);
  w.field("display_as_bot", false);
  w.field("username", "");
  w.field("url_private", base + "/" + name);
  w.field("url_private_download", base + "/download/" + name);
  w.field("permalink",
          "https://" + ws_.domain + ".slack.com/files/" + author.id + "/" + id + "/" + name);
  w.field("permalink_public",
          "https://slack-files.com/" + ws_.team_id + "-" + id + "-" + rng.chars(10, kHex));
  if (text) {
    w.field("preview", text_.plain(rng, rng.pick(vocab::code_blocks())));
    w.field("lines", rng.between(3, 400));
    w.field("lines_more", rng.between(0, 390));
    w.field("preview_is_truncated", true);
  } else if (image) {
    w.field("thumb_360", base + "/" + name + "?thumb=360");
    w.field("thumb_360_w", 360);
    w.field("thumb_360_h", 203);
    w.field("original_w", 1920);
    w.field("original_h", 1080);
  }
  w.end_object();
}

void MessageFactory::write_event(core::JsonWriter& w, Rng& rng, const MessageSpec& spec) {
  const User& u = ws_.users[spec.user];
  bool join = spec.kind == MessageKind::kJoin;
  w.begin_object();
  w.field("user", u.id);
  if (join && rng.percent(50)) w.field("inviter", ws_.users[text_.member(rng)].id);
  w.field("type", "message");
  w.field("subtype", join ? "channel_join" : "channel_leave");
  w.field("ts", spec.ts.str());
  w.field("text", "<@" + u.id + (join ? "> has joined the channel" : "> has left the channel"));
  w.end_object();
}

void MessageFactory::write_tombstone(core::JsonWriter& w, const MessageSpec& spec) {
  w.begin_object();
  w.field("type", "message");
  w.field("subtype", "tombstone");
  w.field("text", "This message was deleted.");
  w.field("user", "USLACKBOT");
  w.field("hidden", true);
  w.field("ts", spec.ts.str());
  write_thread_fields(w, spec);
  w.end_object();
}

void MessageFactory::write_thread_fields(core::JsonWriter& w, const MessageSpec& spec) {
  if (spec.thread != nullptr) {
    const ThreadSummary& t = *spec.thread;
    w.field("thread_ts", spec.ts.str());
    w.field("reply_count", t.reply_count);
    w.field("reply_users_count", static_cast<int>(t.reply_users.size()));
    w.field("latest_reply", t.latest_reply.str());
    w.key("reply_users");
    w.begin_array();
    for (int u : t.reply_users) w.value(ws_.users[u].id);
    w.end_array();
    w.field("is_locked", false);
    w.field("subscribed", false);
  } else if (spec.reply != nullptr) {
    w.field("thread_ts", spec.reply->thread_ts.str());
    w.field("parent_user_id", ws_.users[spec.reply->parent_user].id);
    if (spec.reply->broadcast) {
      w.key("root");
      w.raw(spec.reply->root_json);
    }
  }
}

void MessageFactory::write_extras(core::JsonWriter& w, Rng& rng, const MessageSpec& spec) {
  if (rng.percent(10)) {
    w.key("reactions");
    w.begin_array();
    int n = static_cast<int>(rng.between(1, 3));
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) {
      const auto& e = vocab::emoji()[rng.skewed(vocab::emoji().size())];
      std::string name(e.name);
      if (name == "+1" && rng.percent(30)) name += rng.pick(kSkinTones);
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      names.push_back(name);
      std::vector<int> users;
      int count = static_cast<int>(rng.between(1, 6));
      for (int k = 0; k < count; ++k) {
        int u = text_.member(rng);
        if (std::find(users.begin(), users.end(), u) == users.end()) users.push_back(u);
      }
      w.begin_object();
      w.field("name", name);
      w.key("users");
      w.begin_array();
      for (int u : users) w.value(ws_.users[u].id);
      w.end_array();
      w.field("count", static_cast<int>(users.size()));
      w.end_object();
    }
    w.end_array();
  }
  if (spec.reply == nullptr && rng.per_mille(3)) {
    w.key("pinned_to");
    w.begin_array();
    w.value(conv_.id);
    w.end_array();
  }
}

}  // namespace backscroll::generator
