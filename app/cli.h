#pragma once
// What every subcommand receives: the resolved global options and its own
// arguments, and the streams to write to. Subcommands return an exit code
// (see exit_code.h); they never call exit() themselves.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace backscroll::app {

struct GlobalOptions {
  std::filesystem::path archive;  // Resolved: --archive, BACKSCROLL_ARCHIVE, XDG, ~/.local/share.
  std::filesystem::path config;   // The config file read, if any.
  std::string workspace_url;      // Config key workspace-url (search permalinks); "" if unset.
};

// Layout of an archive directory: the RocksDB archive and the Xapian index.
inline std::filesystem::path store_dir(const GlobalOptions& g) { return g.archive / "store"; }
inline std::filesystem::path index_dir(const GlobalOptions& g) { return g.archive / "index"; }

struct Invocation {
  GlobalOptions global;
  std::vector<std::string> args;  // The subcommand's own arguments (after its name).
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

}  // namespace backscroll::app
