#pragma once
// Runs the real backscroll binary against one archive directory, for
// end-to-end tests, and parses its JSON output with simdjson.

#include <simdjson.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace backscroll::testing {

class BackscrollCli {
 public:
  // Uses <tmp>/archive as the archive; TZ=UTC unless overridden.
  BackscrollCli();

  ProcessResult run(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {}) const;
  // Runs and parses stdout as JSON; fails the test if the exit code is not 0.
  simdjson::dom::element json(const std::vector<std::string>& args);

  // Sorted "conversation_id/ts" of every hit of `search --json --limit 10000 QUERY`.
  std::vector<std::string> hit_keys(const std::string& query);

  const std::filesystem::path& dir() const { return tmp_.path(); }
  std::filesystem::path archive() const { return tmp_ / "archive"; }

 private:
  TempDir tmp_;
  simdjson::dom::parser parser_;
  std::string last_out_;
};

// Path of a fixture under tests/fixtures.
std::string fixture(const std::string& relative);

// Runs backscroll-genexport; returns its manifest line. Fails the test on error.
std::string generate_export(const std::filesystem::path& out, int messages, int seed,
                            bool zip = false);

}  // namespace backscroll::testing
