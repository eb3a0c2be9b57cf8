#include "tests/support/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace backscroll::testing {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            int out_fd, int err_fd) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
  dup2(out_fd, STDOUT_FILENO);
  dup2(err_fd, STDERR_FILENO);
  int null_in = open("/dev/null", O_RDONLY);
  dup2(null_in, STDIN_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

ProcessResult status_to_result(int status) {
  ProcessResult r;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env) {
  char out_path[] = "/tmp/backscroll-out-XXXXXX";
  char err_path[] = "/tmp/backscroll-err-XXXXXX";
  int out_fd = mkstemp(out_path);
  int err_fd = mkstemp(err_path);
  pid_t pid = spawn(argv, env, out_fd, err_fd);
  close(out_fd);
  close(err_fd);
  ProcessResult r = wait_process(pid);
  r.out = read_all(out_path);
  r.err = read_all(err_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

pid_t start_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env) {
  int null_fd = open("/dev/null", O_WRONLY);
  pid_t pid = spawn(argv, env, null_fd, null_fd);
  close(null_fd);
  return pid;
}

ProcessResult wait_process(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status_to_result(status);
}

}  // namespace backscroll::testing
