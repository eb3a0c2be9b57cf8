#pragma once
// `backscroll serve`: the query service. A JSON HTTP API (routes in api.h),
// the web page at `/` (assets embedded in the binary), access control by
// bearer token (access.h), and a live view of an archive that a nightly
// `backscroll ingest` keeps writing (snapshot.h): the server opens the
// archive read-only and never takes its write lock.
//
//   auto server = Server::open(options);   // first snapshot, socket bound
//   std::thread stopper(...);              // e.g. on SIGTERM: server->stop()
//   auto done = (*server)->run();          // serves until stop()
//
// Requests are served by a fixed pool of `threads` workers with a bounded
// queue of accepted connections (accepting waits while it is full), each
// request limited in size (64 KiB of body, 8 KiB of URI) and time (read and
// write timeouts); searches borrow one of `searchers` Searchers. stop() lets
// requests in flight finish. One access-log line per request goes to `log`:
//
//   127.0.0.1 "GET /api/search?q=deploy" 200 1834 0.84ms
//
// The Authorization header is never logged.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "server/access.h"

namespace backscroll::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port()).
  std::filesystem::path store_dir;
  std::filesystem::path index_dir;
  std::vector<Grant> grants;  // Empty: everyone is anonymous (public channels).
  std::string workspace_url;  // Permalinks in search hits and thread documents; "" for none.
  std::size_t threads = 64;   // HTTP workers (each holds one connection at a time).
  std::size_t searchers = 0;  // 0: one per CPU.
  std::chrono::milliseconds refresh_interval{500};
  std::chrono::seconds timeout{10};  // Read and write timeouts per request.
  // Access-log lines and warnings, one line each, no newline; may be empty.
  // Called from worker threads: must be thread-safe.
  std::function<void(const std::string&)> log;
};

// "ADDR:PORT", "[IPv6]:PORT" or ":PORT" (all interfaces); kUsage otherwise.
[[nodiscard]] core::Result<std::pair<std::string, int>> parse_listen(std::string_view text);

class Server {
 public:
  // Takes the first snapshot (errors: the archive's; kNotFound when there is
  // no archive) and binds the socket (kUsage when the address is taken or
  // invalid).
  [[nodiscard]] static core::Result<std::unique_ptr<Server>> open(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  // Serves until stop(); in-flight requests finish first.
  [[nodiscard]] core::Result<void> run();
  // Thread-safe; may be called before, during or after run().
  void stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace backscroll::server
