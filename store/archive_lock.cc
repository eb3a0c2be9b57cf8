#include "store/archive_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace backscroll::store {
namespace {

core::Unexpected storage_error(const std::filesystem::path& path, const char* what, int err) {
  return core::fail(core::ErrorCode::kStorage, std::string("cannot ") + what + " " + path.string() +
                                                   ": " + std::strerror(err));
}

// The pid written by the holder, "" if unreadable or not yet written.
std::string read_holder(int fd) {
  char buf[32];
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return "";
  std::string pid(buf, static_cast<std::size_t>(n));
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid;
}

}  // namespace

core::Result<std::unique_ptr<ArchiveLock>> ArchiveLock::acquire(const std::filesystem::path& dir) {
  std::filesystem::path path = dir / kLockFileName;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return storage_error(path, "open", errno);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    if (err != EWOULDBLOCK) {
      ::close(fd);
      return storage_error(path, "lock", err);
    }
    std::string pid = read_holder(fd);
    ::close(fd);
    core::Error e = core::make_error(core::ErrorCode::kLocked, "archive is locked");
    e.hint = "another backscroll process holds it: pid " + (pid.empty() ? "unknown" : pid);
    return core::Unexpected{std::move(e)};
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 ||
      ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    int err = errno;
    ::close(fd);
    return storage_error(path, "write", err);
  }
  return std::unique_ptr<ArchiveLock>(new ArchiveLock(fd));
}

ArchiveLock::~ArchiveLock() { ::close(fd_); }

}  // namespace backscroll::store
