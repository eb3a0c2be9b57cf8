#pragma once
// Global options: parsed from the command line, the environment and the
// config file, in that order of precedence. The only place in backscroll that
// reads environment variables (besides the C library's own TZ handling).

#include <string>
#include <vector>

#include "app/cli.h"
#include "core/result.h"

namespace backscroll::app {

struct ParsedCommandLine {
  GlobalOptions global;
  std::string command;            // "" when none was given.
  std::vector<std::string> args;  // The subcommand's arguments.
  bool help = false;              // --help before any command.
  bool version = false;
};

// Parses argv. Usage errors come back as ErrorCode::kUsage. Sets TZ for the
// process (from --tz, else the config file, else TZ, else UTC) so that days in
// queries and output are days in that zone.
core::Result<ParsedCommandLine> parse_command_line(int argc, const char* const* argv);

// Text of `backscroll --help`.
std::string global_help();

}  // namespace backscroll::app
