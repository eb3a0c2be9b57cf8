#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <thread>

#include "server/api.h"
#include "server/assets.h"
#include "server/http_status.h"
#include "server/snapshot.h"
#include "server/worker_pool.h"

namespace backscroll::server {
namespace {

constexpr std::size_t kMaxBody = 64 * 1024;
constexpr std::size_t kQueuedPerWorker = 4;
constexpr int kListenBacklog = 1024;
constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// When the current request started, per worker thread (0 when unknown).
thread_local std::chrono::steady_clock::time_point request_start{};

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  res.set_content(reply.body, reply.content_type);
}

// The request target as sent, with quotes and control bytes %-escaped so a
// log line stays one parseable line.
std::string loggable(const std::string& target) {
  std::string out;
  for (const unsigned char c : target) {
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string access_line(const httplib::Request& req, const httplib::Response& res) {
  std::string line = req.remote_addr + " \"" + loggable(req.method) + ' ' +
                     loggable(req.target.empty() ? req.path : req.target) + "\" " +
                     std::to_string(res.status) + ' ' + std::to_string(res.body.size()) + ' ';
  if (request_start == std::chrono::steady_clock::time_point{}) return line + '-';
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start)
          .count();
  request_start = {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2fms", ms);
  return line + buf;
}

std::string plain_error(int status) {
  switch (status) {
    case 404:
      return "no such route";
    case 405:
      return "method not allowed";
    case 413:
      return "request too large";
    case 414:
      return "URI too long";
    case 400:
      return "bad request";
    default:
      return "HTTP " + std::to_string(status);
  }
}

}  // namespace

core::Result<std::pair<std::string, int>> parse_listen(std::string_view text) {
  const auto colon = text.rfind(':');
  auto bad = [&] {
    return core::fail(core::ErrorCode::kUsage,
                      "--listen must be ADDR:PORT (e.g. 127.0.0.1:8080 or "
                      "[::1]:8080), not \"" +
                          std::string(text) + "\"");
  };
  if (colon == std::string_view::npos) return bad();
  std::string host(text.substr(0, colon));
  const std::string_view port_text = text.substr(colon + 1);
  int port = -1;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port < 0 || port > 65535)
    return bad();
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  else if (host.find(':') != std::string::npos)
    return bad();  // A bare IPv6 address needs brackets.
  if (host.empty()) host = "0.0.0.0";
  return std::pair{host, port};
}

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<LiveArchive> live;
  std::unique_ptr<Api> api;
  httplib::Server http;
  int port = 0;
  // stop() may come before run() has started listening, when httplib's own
  // stop() would do nothing: run() and stop() meet through these.
  std::atomic<bool> stopping{false};
  std::atomic<bool> in_run{false};

  void log(const std::string& line) const {
    if (options.log) options.log(line);
  }
  // Nullopt after answering 401.
  std::optional<Caller> caller(const httplib::Request& req, httplib::Response& res) const;
  void add_routes();
};

std::optional<Caller> Server::Impl::caller(const httplib::Request& req,
                                           httplib::Response& res) const {
  const bool has_header = req.has_header("Authorization");
  auto caller = authenticate(live->grants(), has_header,
                             has_header ? req.get_header_value("Authorization") : "");
  if (!caller) {
    send(res, {kStatusUnauthorized, error_json("invalid token")});
    res.set_header("WWW-Authenticate", "Bearer");
  }
  return caller;
}

void Server::Impl::add_routes() {
  http.Get("/healthz",
           [this](const httplib::Request&, httplib::Response& res) { send(res, api->health()); });
  http.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
    if (auto c = caller(req, res)) send(res, api->search(*c, req.params));
  });
  http.Get(R"(/api/thread/([^/]+)/([^/]+))",
           [this](const httplib::Request& req, httplib::Response& res) {
             if (auto c = caller(req, res))
               send(res, api->thread(*c, req.matches[1].str(), req.matches[2].str(), req.params));
           });
  http.Get(R"(/api/context/([^/]+)/([^/]+))",
           [this](const httplib::Request& req, httplib::Response& res) {
             if (auto c = caller(req, res))
               send(res, api->context(*c, req.matches[1].str(), req.matches[2].str(), req.params));
           });
  http.Get("/api/conversations", [this](const httplib::Request& req, httplib::Response& res) {
    if (auto c = caller(req, res)) send(res, api->conversations(*c));
  });
  http.Get("/api/stats", [this](const httplib::Request& req, httplib::Response& res) {
    if (auto c = caller(req, res)) send(res, api->stats(*c));
  });
  for (const Asset& asset : assets()) {
    http.Get(std::string(asset.path), [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(asset.body.data(), asset.body.size(),
                      std::string(asset.content_type) + "; charset=utf-8");
      res.set_header("Content-Security-Policy", kPagePolicy);
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("Cache-Control", "no-cache");
    });
  }
  // Errors without a body of their own (no route, bad request line, too large).
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send(res, {res.status, error_json(plain_error(res.status))});
        return httplib::Server::HandlerResponse::Handled;
      }));
  // The last resort: reaching it is a bug.
  http.set_exception_handler(
      [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        log("internal error in " + req.path + ": " + what);
        send(res, {500, error_json("internal error")});
      });
  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    log(access_line(req, res));
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { stop(); }

core::Result<std::unique_ptr<Server>> Server::open(ServerOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  ServerOptions& o = impl->options;
  const std::size_t searchers =
      o.searchers ? o.searchers : std::max(1u, std::thread::hardware_concurrency());
  auto live = LiveArchive::open({.store_dir = o.store_dir,
                                 .index_dir = o.index_dir,
                                 .grants = o.grants,
                                 .searchers = searchers,
                                 .interval = o.refresh_interval,
                                 .warn = o.log});
  if (!live) return core::Unexpected{live.error()};
  impl->live = std::move(*live);
  impl->api = std::make_unique<Api>(*impl->live, o.workspace_url);

  const std::size_t threads = std::max<std::size_t>(o.threads, 1);
  impl->http.new_task_queue = [threads] {
    return new WorkerPool(threads, threads * kQueuedPerWorker);
  };
  const auto timeout = static_cast<time_t>(o.timeout.count());
  impl->http.set_read_timeout(timeout, 0);
  impl->http.set_write_timeout(timeout, 0);
  impl->http.set_keep_alive_timeout(5);
  impl->http.set_keep_alive_max_count(100);
  impl->http.set_payload_max_length(kMaxBody);
  impl->http.set_tcp_nodelay(true);
  impl->add_routes();
  if (o.host.find(':') != std::string::npos) impl->http.set_address_family(AF_INET6);
  // Debian's cpp-httplib listens with a backlog of 5 (compiled in): under a
  // burst of new connections the kernel drops SYNs and clients stall for a
  // second. Remember the socket to listen() again with a real backlog.
  int listening = -1;
  impl->http.set_socket_options([&listening](socket_t sock) {
    httplib::default_socket_options(sock);
    listening = sock;
  });
  if (o.port == 0) {
    impl->port = impl->http.bind_to_any_port(o.host);
    if (impl->port < 0) impl->port = 0;
  } else if (impl->http.bind_to_port(o.host, o.port)) {
    impl->port = o.port;
  }
  if (impl->port != 0 && listening >= 0) ::listen(listening, kListenBacklog);
  if (impl->port == 0)
    return core::fail(core::ErrorCode::kUsage, "cannot listen on " + o.host + ":" +
                                                   std::to_string(o.port) +
                                                   " (address in use or not local?)");
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

core::Result<void> Server::run() {
  impl_->in_run = true;
  bool ok = impl_->stopping || impl_->http.listen_after_bind();
  impl_->in_run = false;
  if (!ok) return core::fail(core::ErrorCode::kStorage, "the listening socket failed");
  return {};
}

void Server::stop() {
  impl_->stopping = true;
  while (impl_->in_run && !impl_->http.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http.stop();
}

}  // namespace backscroll::server
