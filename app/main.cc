// The backscroll binary: parses global options, then hands over to the
// subcommand's file through the command table. Nothing else lives here.

#include <unistd.h>

#include <exception>
#include <iostream>

#include "app/command.h"
#include "app/exit_code.h"
#include "app/global_options.h"

int main(int argc, char** argv) {
  using namespace backscroll::app;
  try {
    auto parsed = parse_command_line(argc, argv);
    if (!parsed) {
      std::cerr << "backscroll: " << parsed.error().describe() << "\nTry 'backscroll --help'.\n";
      return kExitUsage;
    }
    if (parsed->version) {
      std::cout << "backscroll " << BACKSCROLL_VERSION << '\n';
      return kExitOk;
    }
    if (parsed->command.empty()) {
      (parsed->help ? std::cout : std::cerr) << global_help();
      return parsed->help ? kExitOk : kExitUsage;
    }
    if (parsed->help) parsed->args.insert(parsed->args.begin(), "--help");
    Invocation inv{parsed->global, parsed->args, std::cout, std::cerr,
                   isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1};
    return dispatch(parsed->command, inv);
  } catch (const std::exception& e) {
    std::cerr << "backscroll: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "backscroll: internal error\n";
  }
  return kExitFailure;
}
