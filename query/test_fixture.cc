#include "query/test_fixture.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "index/index.h"

namespace backscroll::query::testing {
namespace {

using core::ConversationKind;
using core::MessageKind;

core::User user(std::string id, std::string name, std::string real, std::string display,
                bool bot = false) {
  core::User u;
  u.id = core::UserId(std::move(id));
  u.name = std::move(name);
  u.real_name = std::move(real);
  u.display_name = std::move(display);
  u.is_bot = bot;
  return u;
}

core::Conversation conversation(std::string id, ConversationKind kind, std::string name,
                                std::vector<std::string> members = {}) {
  core::Conversation c;
  c.id = core::ConversationId(std::move(id));
  c.kind = kind;
  c.name = std::move(name);
  for (std::string& m : members) c.members.emplace_back(std::move(m));
  return c;
}

core::Message message(std::string conversation, std::int64_t offset, std::string user,
                      std::string text) {
  core::Message m;
  m.conversation_id = core::ConversationId(std::move(conversation));
  m.ts = slack_ts_at(offset);
  m.user_id = core::UserId(std::move(user));
  m.text = text;
  m.raw_text = std::move(text);
  return m;
}

core::Message reply(core::Message m, std::int64_t parent_offset) {
  m.thread_ts = slack_ts_at(parent_offset);
  return m;
}

core::Message parent(core::Message m, std::uint32_t replies) {
  m.thread_ts = m.ts;
  m.reply_count = replies;
  return m;
}

core::Message bot(core::Message m, std::string author) {
  m.kind = MessageKind::kBot;
  m.subtype = "bot_message";
  m.is_bot = true;
  m.author_name = std::move(author);
  return m;
}

void die(const char* what, const core::Error& error) {
  std::fprintf(stderr, "test setup failed: %s: %s\n", what, error.describe().c_str());
  std::abort();
}

}  // namespace

Offsets offsets_of(const std::vector<Hit>& hits) {
  Offsets out;
  for (const Hit& hit : hits) out.push_back(hit.message.ts.seconds() - kBase);
  return out;
}

std::string ts_at(std::int64_t offset) { return slack_ts_at(offset).str(); }

core::SlackTs slack_ts_at(std::int64_t offset) {
  return core::SlackTs::from_micros((kBase + offset) * 1000000);
}

std::vector<core::User> planted_users() {
  return {
      user("U1", "ann", "Ann Lee", "annie"),
      user("U2", "bastian", "Bastian Schmidt", ""),
      user("U3", "carol", "Carol King", "CK"),
      user("U4", "dave", "Dave Smith", "Annie"),
  };
}

std::vector<core::Conversation> planted_conversations() {
  return {
      conversation("C1", ConversationKind::kPublic, "general"),
      conversation("C2", ConversationKind::kPublic, "ops-alerts"),
      conversation("C3", ConversationKind::kPrivate, "ops"),
      conversation("D1", ConversationKind::kDm, "D1", {"U1", "U2"}),
      conversation("D2", ConversationKind::kDm, "D2", {"U3", "U1"}),
      conversation("G1", ConversationKind::kMpim, "mpdm-ann--bastian--carol-1", {"U1", "U2", "U3"}),
  };
}

std::vector<core::Message> planted_messages() {
  std::vector<core::Message> m = {
      message("C1", -86401, "U4", "weekend recap"),
      message("C1", -86400, "U4", "monday planning"),
      message("C1", -7200, "U1", "deploy started for release 1.2"),
      message("C1", -60, "U2", "deploy failed on staging"),
      message("C1", 0, "U3", "the deploy is green again"),
      message("C1", 30, "U1", "lunch anyone?"),
      parent(message("C1", 3600, "U2", "release notes are ready"), 3),
      reply(message("C1", 3700, "U1", "great, deploying the release now"), 3600),
      reply(message("C1", 3800, "U3", "thanks for the notes"), 3600),
      reply(message("C1", 3900, "U2", "also in the channel: release is out"), 3600),
      message("C1", 5000, "U3", "Kubernetes cluster upgrade scheduled"),
      message("C1", 5100, "U2", "upgrade & rollback <details> inside"),
      message("C1", 86399, "U4", "end of day deploy check"),
      message("C1", 86400, "U1", "new day, new deploy"),
      bot(message("C2", 100, "B1", ""), "deploybot"),
      bot(message("C2", 200, "B1", "Alert resolved: disk usage normal"), "deploybot"),
      message("C2", 25199, "U3", "disk warning on db-3"),
      message("C2", 25200, "U2", "disk full on db-3"),
      bot(message("C2", 90200, "B1", "deploy succeeded"), "deploybot"),
      message("C3", 500, "U1", "private ops talk about the deploy"),
      message("C3", 600, "U4", "rollback plan: revert the deploy"),
      parent(message("C3", 90000, "U3", "postmortem: deploy failure root cause"), 1),
      reply(message("C3", 90100, "U1", "root cause was the disk"), 90000),
      message("D1", 700, "U1", "hey bastian, are you around?"),
      message("D1", 800, "U2", "yes, about the deploy"),
      message("D2", 900, "U3", "coffee later?"),
      message("G1", 1000, "U2", "group chat about lunch"),
  };
  for (core::Message& x : m) {
    if (x.ts == slack_ts_at(3900)) x.kind = MessageKind::kThreadBroadcast;
    if (x.ts == slack_ts_at(100)) {
      core::Attachment a;
      a.title = "Deploy failed";
      a.text = "staging pipeline #42 failed";
      x.attachments.push_back(a);
    }
    if (x.ts == slack_ts_at(5000)) {
      x.edited_ts = slack_ts_at(5060);
      x.reactions.push_back(core::Reaction{"+1", 3, {core::UserId("U1")}});
      x.files.push_back(core::FileRef{"F1", "upgrade-plan.pdf", "Upgrade plan", "pdf", ""});
    }
  }
  return m;
}

ScopedTz::ScopedTz(const char* tz) {
  if (const char* old = std::getenv("TZ")) {
    old_ = old;
    had_old_ = true;
  }
  setenv("TZ", tz, 1);
  tzset();
}

ScopedTz::~ScopedTz() {
  if (had_old_)
    setenv("TZ", old_.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

PlantedArchive::PlantedArchive() {
  auto archive = store::Archive::open(archive_dir(), store::OpenMode::kWritable);
  if (!archive) die("open archive", archive.error());
  archive_ = std::move(*archive);
  std::vector<core::User> users = planted_users();
  std::vector<core::Conversation> conversations = planted_conversations();
  std::vector<core::Message> messages = planted_messages();
  if (auto r = archive_->put_users(users); !r) die("put_users", r.error());
  if (auto r = archive_->put_conversations(conversations); !r) die("put_conversations", r.error());
  if (auto r = archive_->upsert_messages(messages); !r) die("upsert_messages", r.error());
  if (auto r = index::catch_up(*archive_, index_dir()); !r) die("catch_up", r.error());
}

}  // namespace backscroll::query::testing
