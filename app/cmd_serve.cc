// backscroll serve: the query service (JSON API and web page) over the
// archive, live while ingests run. HTTP lives in server/; this file parses
// options, prints the log and turns SIGINT/SIGTERM into a graceful stop.

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <mutex>
#include <ostream>
#include <thread>

#include "app/commands.h"
#include "app/exit_code.h"
#include "core/calendar.h"
#include "server/server.h"

namespace backscroll::app {
namespace {

// clang-format off
void describe(po::options_description& o, po::positional_options_description&) {
  o.add_options()
      ("listen", po::value<std::string>()->default_value("127.0.0.1:8080"), "ADDR:PORT to serve on")
      ("tokens", po::value<std::string>(), "tokens file: lines `TOKEN SCOPE` (see below)")
      ("threads", po::value<std::size_t>()->default_value(64), "HTTP worker threads (one per open connection)")
      ("searchers", po::value<std::size_t>()->default_value(0), "parallel searches (0: one per CPU)")
      ("workspace-url", po::value<std::string>(),
       "https://NAME.slack.com: add Slack permalinks (also config key workspace-url)");
}
// clang-format on

volatile sig_atomic_t stop_pipe = -1;

extern "C" void on_stop_signal(int) {
  const int fd = stop_pipe;
  const char byte = 1;
  if (fd >= 0) (void)!write(fd, &byte, 1);
}

std::string timestamp() {
  return core::format_iso_utc(std::int64_t{std::time(nullptr)} * 1000000);
}

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive&) {
  auto listen = server::parse_listen(vm["listen"].as<std::string>());
  if (!listen) return report_error(inv.err, listen.error());
  server::ServerOptions options;
  options.host = listen->first;
  options.port = listen->second;
  options.store_dir = store_dir(inv.global);
  options.index_dir = index_dir(inv.global);
  options.threads = vm["threads"].as<std::size_t>();
  options.searchers = vm["searchers"].as<std::size_t>();
  options.workspace_url =
      vm.count("workspace-url") ? vm["workspace-url"].as<std::string>() : inv.global.workspace_url;
  if (vm.count("tokens")) {
    auto grants = server::load_grants(vm["tokens"].as<std::string>());
    if (!grants) return report_error(inv.err, grants.error());
    options.grants = std::move(*grants);
  }
  std::mutex log_mutex;
  std::ostream& err = inv.err;
  options.log = [&err, &log_mutex](const std::string& line) {
    const std::string text = timestamp() + ' ' + line + '\n';
    std::lock_guard lock(log_mutex);
    err << text << std::flush;
  };

  auto server = server::Server::open(std::move(options));
  if (!server) return report_error(inv.err, server.error());
  // Threads started earlier (RocksDB's) do not block signals, so SIGINT and
  // SIGTERM get a handler, whichever thread runs it, that writes to a pipe;
  // the waiter reads it and stops the server gracefully.
  int fds[2];
  if (pipe(fds) != 0)
    return report_error(inv.err, core::make_error(core::ErrorCode::kInternal, "pipe failed"));
  stop_pipe = fds[1];
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  struct sigaction old_int {
  }, old_term{};
  sigaction(SIGINT, &action, &old_int);
  sigaction(SIGTERM, &action, &old_term);
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    pollfd pfd{fds[0], POLLIN, 0};
    while (!done) {
      if (poll(&pfd, 1, 200) > 0) {
        (*server)->stop();
        return;
      }
    }
  });
  {
    std::lock_guard lock(log_mutex);
    inv.err << timestamp() << " backscroll: serving http://" << vm["listen"].as<std::string>()
            << "/ (archive " << inv.global.archive.string() << ")" << std::endl;
  }
  auto ran = (*server)->run();
  done = true;
  waiter.join();
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGTERM, &old_term, nullptr);
  stop_pipe = -1;
  close(fds[0]);
  close(fds[1]);
  server->reset();  // Closes the snapshots before the final line.
  if (!ran) return report_error(inv.err, ran.error());
  inv.err << timestamp() << " backscroll: stopped" << std::endl;
  return kExitOk;
}

}  // namespace

const Command kServeCommand{
    "serve",
    "serve the JSON API and the web page (live while ingest runs)",
    "[options]",
    describe,
    run,
    nullptr,
    "Routes: / (web page), /api/search?q=&limit=&offset=&sort=&facets=1,\n"
    "/api/thread/CONVERSATION/TS, /api/context/CONVERSATION/TS?before=&after=,\n"
    "/api/conversations, /api/stats, /healthz. Errors are {\"error\": \"...\"}.\n\n"
    "Tokens file: one `TOKEN SCOPE` per line, # comments. SCOPE is all, public, or\n"
    "comma-separated conversation names or ids (seen besides public channels).\n"
    "Clients send `Authorization: Bearer TOKEN`; without one only public channels\n"
    "are visible; an unknown token gets 401. SIGINT/SIGTERM stop gracefully.\n"};

}  // namespace backscroll::app
