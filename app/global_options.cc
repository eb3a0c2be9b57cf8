#include "app/global_options.h"

#include <boost/program_options.hpp>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "app/command.h"

namespace backscroll::app {
namespace {

namespace fs = std::filesystem;

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

// $XDG_<kind>_HOME/backscroll, else ~/<fallback>/backscroll.
fs::path xdg_path(const char* xdg_var, const char* home_fallback) {
  if (const char* xdg = env(xdg_var)) return fs::path(xdg) / "backscroll";
  if (const char* home = env("HOME")) return fs::path(home) / home_fallback / "backscroll";
  return fs::path(".") / "backscroll";
}

po::options_description global_options() {
  po::options_description o("Global options");
  o.add_options()
      ("archive", po::value<std::string>(), "archive directory (default: $BACKSCROLL_ARCHIVE, "
                                            "else $XDG_DATA_HOME/backscroll, else ~/.local/share/backscroll)")
      ("config", po::value<std::string>(), "config file (default: $XDG_CONFIG_HOME/backscroll/config, "
                                           "else ~/.config/backscroll/config, when it exists)")
      ("tz", po::value<std::string>(), "time zone for days in queries and output (default: $TZ, else UTC)")
      ("help,h", "show this help, or a command's help after its name")
      ("version", "print the version");
  return o;
}

// Keys the config file may set: the global options without help/version/config.
po::options_description config_options() {
  po::options_description o;
  o.add_options()("archive", po::value<std::string>())("tz", po::value<std::string>())(
      "workspace-url", po::value<std::string>());
  return o;
}

}  // namespace

std::string global_help() {
  std::ostringstream out;
  out << "backscroll " << BACKSCROLL_VERSION
      << " - a searchable archive of chat history\n\n"
         "Usage: backscroll [global options] COMMAND [options] [args]\n\n";
  print_command_list(out);
  out << '\n' << global_options() << '\n'
      << "Run 'backscroll COMMAND --help' for a command's options.\n"
         "Exit codes: 0 ok, 1 failure (also a partial ingest), 2 usage error or bad query.\n";
  return out.str();
}

core::Result<ParsedCommandLine> parse_command_line(int argc, const char* const* argv) {
  ParsedCommandLine parsed;
  po::options_description options = global_options();
  options.add_options()("command", po::value<std::string>())(
      "args", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("command", 1).add("args", -1);

  po::variables_map vm;
  try {
    // Global options are recognised only before the command; everything after
    // it belongs to the subcommand.
    int split = argc;
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      if (a == "--archive" || a == "--config" || a == "--tz") { ++i; continue; }
      if (!a.empty() && a[0] != '-') { split = i; break; }
    }
    po::store(po::command_line_parser(split, argv).options(options).run(), vm);
    if (split < argc) parsed.command = argv[split];
    for (int i = split + 1; i < argc; ++i) parsed.args.emplace_back(argv[i]);

    fs::path config = vm.count("config") ? fs::path(vm["config"].as<std::string>())
                                         : xdg_path("XDG_CONFIG_HOME", ".config") / "config";
    if (vm.count("config") || fs::exists(config)) {
      std::ifstream in(config);
      if (!in)
        return core::fail(core::ErrorCode::kUsage, "cannot read config file " + config.string());
      po::store(po::parse_config_file(in, config_options()), vm);
      parsed.global.config = config;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return core::fail(core::ErrorCode::kUsage, e.what());
  }

  if (vm.count("workspace-url")) parsed.global.workspace_url = vm["workspace-url"].as<std::string>();
  parsed.help = vm.count("help") > 0;
  parsed.version = vm.count("version") > 0;
  // Command line (and config file, stored after it) beat the environment.
  if (vm.count("archive"))
    parsed.global.archive = vm["archive"].as<std::string>();
  else if (const char* a = env("BACKSCROLL_ARCHIVE"))
    parsed.global.archive = a;
  else
    parsed.global.archive = xdg_path("XDG_DATA_HOME", ".local/share");

  std::string tz = vm.count("tz") ? vm["tz"].as<std::string>() : "";
  if (tz.empty() && env("TZ")) tz = env("TZ");
  if (tz.empty()) tz = "UTC";
  setenv("TZ", tz.c_str(), 1);
  tzset();
  return parsed;
}

}  // namespace backscroll::app
