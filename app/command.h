#pragma once
// The command table: each subcommand declares its options, the mode the
// archive is opened in, and a run function. The dispatcher (dispatch.cc)
// parses the subcommand's arguments, prints --help, opens the archive in the
// declared mode and hands read-only commands a const reference.

#include <boost/program_options.hpp>
#include <span>

#include "app/cli.h"
#include "store/archive.h"

namespace backscroll::app {

namespace po = boost::program_options;

struct Command {
  const char* name;
  const char* summary;  // One line for `backscroll --help`.
  const char* usage;    // Arguments after the name, e.g. "[options] QUERY...".
  // Declares options and positional arguments.
  void (*describe)(po::options_description& options, po::positional_options_description& positional);
  // Exactly one of these is set: it decides the mode the archive is opened in.
  int (*run_read)(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive);
  int (*run_write)(const Invocation& inv, const po::variables_map& vm, store::Archive& archive);
  const char* details = "";  // Extra --help text after the options.
};

std::span<const Command> commands();

// Runs the subcommand named inv.args[0]; returns the exit code.
int dispatch(const std::string& name, const Invocation& inv);

// Prints the list of subcommands (for `backscroll --help`).
void print_command_list(std::ostream& out);

}  // namespace backscroll::app
