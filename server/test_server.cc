#include "server/test_server.h"

#include <cstdio>
#include <cstdlib>

#include "index/index.h"
#include "server/access.h"

namespace backscroll::server::testing {
namespace {

[[noreturn]] void die(const std::string& what, const core::Error& error) {
  std::fprintf(stderr, "test setup: %s: %s\n", what.c_str(), error.describe().c_str());
  std::abort();
}

core::User user(const std::string& id, const std::string& name) {
  core::User u;
  u.id = core::UserId(id);
  u.name = name;
  u.real_name = name;
  return u;
}

core::Conversation conversation(const std::string& id, core::ConversationKind kind,
                                const std::string& name, std::vector<std::string> members) {
  core::Conversation c;
  c.id = core::ConversationId(id);
  c.kind = kind;
  c.name = name;
  for (const std::string& m : members) c.members.emplace_back(m);
  return c;
}

}  // namespace

std::string ts_at(std::int64_t offset) { return std::to_string(kBase + offset) + ".000000"; }

core::Message message(const std::string& conversation, std::int64_t offset, const std::string& user,
                      const std::string& text) {
  core::Message m;
  m.conversation_id = core::ConversationId(conversation);
  m.ts = *core::SlackTs::parse(ts_at(offset));
  m.user_id = core::UserId(user);
  m.text = text;
  m.raw_text = text;
  return m;
}

PlantedArchive::PlantedArchive() {
  auto writer = store::Archive::open(store_dir(), store::OpenMode::kWritable);
  if (!writer) die("open", writer.error());
  writer_ = std::move(*writer);
  using core::ConversationKind;
  const std::vector<core::User> users = {user("U1", "ann"), user("U2", "bob"), user("U3", "carl")};
  const std::vector<core::Conversation> conversations = {
      conversation("C1", ConversationKind::kPublic, "general", {"U1", "U2", "U3"}),
      conversation("C2", ConversationKind::kPublic, "random", {"U1", "U2"}),
      conversation("G1", ConversationKind::kPrivate, "secret-ops", {"U1", "U3"}),
      conversation("D1", ConversationKind::kDm, "D1", {"U1", "U2"}),
      conversation("M1", ConversationKind::kMpim, "mpdm-ann--bob--carl-1", {"U1", "U2", "U3"}),
  };
  if (auto r = writer_->put_users(users); !r) die("users", r.error());
  if (auto r = writer_->put_conversations(conversations); !r) die("conversations", r.error());
  core::Message parent = message("C1", 100, "U1", "deploy the frontend");
  parent.thread_ts = parent.ts;
  parent.reply_count = 2;
  core::Message reply1 = message("C1", 101, "U2", "which version");
  reply1.thread_ts = parent.ts;
  core::Message reply2 = message("C1", 102, "U1", "rollback the deploy if it fails");
  reply2.thread_ts = parent.ts;
  core::Message secret = message("G1", 300, "U1", "deploy the payroll service");
  secret.thread_ts = secret.ts;
  secret.reply_count = 1;
  core::Message secret_reply = message("G1", 301, "U3", "payroll done");
  secret_reply.thread_ts = secret.ts;
  add({parent, reply1, reply2, message("C1", 103, "U3", "lunch after the deploy"),
       message("C2", 200, "U2", "deploy party tonight"), secret, secret_reply,
       message("D1", 400, "U1", "deploy password is hunter2"),
       message("M1", 500, "U2", "group deploy plan")});
}

void PlantedArchive::add(const std::vector<core::Message>& messages) {
  if (!writer_) {
    auto writer = store::Archive::open(store_dir(), store::OpenMode::kWritable);
    if (!writer) die("reopen", writer.error());
    writer_ = std::move(*writer);
  }
  if (auto r = writer_->upsert_messages(messages); !r) die("messages", r.error());
  if (auto r = index::catch_up(*writer_, index_dir()); !r) die("index", r.error());
}

RunningServer::RunningServer(const PlantedArchive& archive, std::chrono::milliseconds refresh,
                             std::string workspace_url) {
  auto grants = parse_grants(kGrants);
  if (!grants) die("grants", grants.error());
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.store_dir = archive.store_dir();
  options.index_dir = archive.index_dir();
  options.grants = std::move(*grants);
  options.threads = 8;
  options.searchers = 2;
  options.refresh_interval = refresh;
  options.workspace_url = std::move(workspace_url);
  auto server = Server::open(std::move(options));
  if (!server) die("server", server.error());
  server_ = std::move(*server);
  thread_ = std::thread([this] {
    if (auto r = server_->run(); !r) die("run", r.error());
  });
}

RunningServer::~RunningServer() {
  server_->stop();
  thread_.join();
}

std::unique_ptr<httplib::Client> RunningServer::client(const std::string& token) const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port());
  client->set_connection_timeout(5);
  client->set_read_timeout(10);
  if (!token.empty()) client->set_bearer_token_auth(token);
  return client;
}

}  // namespace backscroll::server::testing
