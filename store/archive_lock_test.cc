#include "store/archive_lock.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "store/test_temp_dir.h"

namespace backscroll::store {
namespace {

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ArchiveLockTest, WritesPidAndRefusesSecondHolder) {
  TestTempDir dir;
  auto lock = ArchiveLock::acquire(dir.path());
  ASSERT_TRUE(lock) << lock.error().describe();
  EXPECT_EQ(file_text(dir.path() / "backscroll.lock"), std::to_string(getpid()) + "\n");
  auto second = ArchiveLock::acquire(dir.path());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, core::ErrorCode::kLocked);
  EXPECT_EQ(second.error().hint,
            "another backscroll process holds it: pid " + std::to_string(getpid()));
  lock->reset();
  EXPECT_TRUE(ArchiveLock::acquire(dir.path()));
}

// Exit status of a child that tries the lock: 0 taken, 1 locked with the
// parent's pid in the hint, 2 anything else.
int try_in_child(const std::filesystem::path& dir, pid_t parent) {
  pid_t child = fork();
  if (child == 0) {
    auto lock = ArchiveLock::acquire(dir);
    if (lock) _exit(0);
    bool named =
        lock.error().code == core::ErrorCode::kLocked &&
        lock.error().hint == "another backscroll process holds it: pid " + std::to_string(parent);
    _exit(named ? 1 : 2);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ArchiveLockTest, OtherProcessSeesHolderPid) {
  TestTempDir dir;
  {
    auto lock = ArchiveLock::acquire(dir.path());
    ASSERT_TRUE(lock);
    EXPECT_EQ(try_in_child(dir.path(), getpid()), 1);
  }
  EXPECT_EQ(try_in_child(dir.path(), getpid()), 0);
}

TEST(ArchiveLockTest, MissingDirIsStorageError) {
  TestTempDir dir;
  auto lock = ArchiveLock::acquire(dir.path() / "missing");
  ASSERT_FALSE(lock);
  EXPECT_EQ(lock.error().code, core::ErrorCode::kStorage);
}

}  // namespace
}  // namespace backscroll::store
