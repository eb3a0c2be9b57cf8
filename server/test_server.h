#pragma once
// Tests only: a planted archive (public, private, DM and group DM
// conversations, all mentioning "deploy") with its index, and a running
// `backscroll serve` on a free loopback port over it.
//
//   C1 #general (public)     100 parent "deploy the frontend", 101 and 102 replies,
//                            103 "lunch after the deploy"
//   C2 #random (public)      200 "deploy party tonight"
//   G1 #secret-ops (private) 300 "deploy the payroll service", 301 reply
//   D1 DM ann-bob            400 "deploy password is hunter2"
//   M1 group DM              500 "group deploy plan"
//
// A message's ts is "<kBase + offset>.000000" (ts_at).

#include <httplib.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/model.h"
#include "server/server.h"
#include "store/archive.h"
#include "store/test_temp_dir.h"

namespace backscroll::server::testing {

inline constexpr std::int64_t kBase = 1601510400;  // 2020-10-01T00:00:00Z
std::string ts_at(std::int64_t offset);
core::Message message(const std::string& conversation, std::int64_t offset, const std::string& user,
                      const std::string& text);

// Tokens of the planted tokens file.
inline constexpr const char* kAllToken = "root-token-0123456789";
inline constexpr const char* kOpsToken = "ops-token-0123456789";     // secret-ops
inline constexpr const char* kPublicToken = "pub-token-0123456789";  // public
inline constexpr const char* kGrants =
    "# test tokens\n"
    "root-token-0123456789 all\n"
    "ops-token-0123456789  #secret-ops\n"
    "\n"
    "pub-token-0123456789 public\n";

class PlantedArchive {
 public:
  PlantedArchive();  // Aborts the test binary when setup fails.
  std::filesystem::path store_dir() const { return dir_.path() / "store"; }
  std::filesystem::path index_dir() const { return dir_.path() / "index"; }
  // Writes `messages` (writable archive kept open, holding the write lock) and
  // catches the index up. Aborts on failure.
  void add(const std::vector<core::Message>& messages);
  // Closes the writer (releases the lock).
  void close_writer() { writer_.reset(); }

 private:
  store::TestTempDir dir_;
  std::unique_ptr<store::Archive> writer_;
};

// A Server over `archive` with the planted grants, run on its own thread;
// `workspace_url` as `serve --workspace-url` ("" for no permalinks).
class RunningServer {
 public:
  explicit RunningServer(const PlantedArchive& archive,
                         std::chrono::milliseconds refresh = std::chrono::milliseconds(500),
                         std::string workspace_url = "");
  ~RunningServer();
  int port() const { return server_->port(); }
  // A client; `token` "" for none.
  std::unique_ptr<httplib::Client> client(const std::string& token = "") const;

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

}  // namespace backscroll::server::testing
