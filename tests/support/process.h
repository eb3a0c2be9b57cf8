#pragma once
// Runs a program the way a user's shell would, for end-to-end tests: argv,
// extra environment, captured stdout/stderr and exit status. Also starting a
// process in the background and killing it (crash tests).

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace backscroll::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal.
  int signal = 0;
  std::string out;
  std::string err;
};

// Runs argv[0] (a path) with the current environment plus `env`, waits for it.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {});

// Starts argv in the background with stdout/stderr to /dev/null.
pid_t start_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env = {});
// Waits for a started process; returns its ProcessResult without output.
ProcessResult wait_process(pid_t pid);

}  // namespace backscroll::testing
