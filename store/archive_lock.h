#pragma once
// The archive's write lock: an exclusive flock(2) on `<dir>/backscroll.lock`,
// which holds the holder's pid in decimal so a second writer can name it. The
// kernel drops the lock when the holder exits or crashes, so a stale file never
// blocks anyone; the file itself is left in place.

#include <filesystem>
#include <memory>

#include "core/result.h"

namespace backscroll::store {

inline constexpr const char* kLockFileName = "backscroll.lock";

class ArchiveLock {
 public:
  // Takes the lock without waiting. `dir` must exist. Errors: kLocked when it
  // is held (also by another ArchiveLock in this process), with the hint
  // "another backscroll process holds it: pid N"; kStorage when the file cannot
  // be opened or written.
  [[nodiscard]] static core::Result<std::unique_ptr<ArchiveLock>> acquire(
      const std::filesystem::path& dir);

  // Releases the lock.
  ~ArchiveLock();
  ArchiveLock(const ArchiveLock&) = delete;
  ArchiveLock& operator=(const ArchiveLock&) = delete;

 private:
  explicit ArchiveLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace backscroll::store
