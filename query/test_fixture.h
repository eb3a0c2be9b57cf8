#pragma once
// Tests only: a small planted workspace (users, conversations, ~30 messages
// around midnight 2020-10-01 UTC) and a real archive + index built from it.
//
// Messages are named by their offset in seconds from kBase
// (2020-10-01T00:00:00Z); each message's ts is "<kBase + offset>.000000".

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "query/hit.h"
#include "store/archive.h"
#include "store/test_temp_dir.h"

namespace backscroll::query::testing {

inline constexpr std::int64_t kBase = 1601510400;  // 2020-10-01T00:00:00Z

// "1601510400.000000" for offset 0.
std::string ts_at(std::int64_t offset);
core::SlackTs slack_ts_at(std::int64_t offset);

// Each hit's offset (seconds from kBase), in order.
using Offsets = std::vector<std::int64_t>;
Offsets offsets_of(const std::vector<Hit>& hits);

std::vector<core::User> planted_users();
std::vector<core::Conversation> planted_conversations();
std::vector<core::Message> planted_messages();

// Sets TZ and calls tzset(); restores the previous TZ when destroyed.
class ScopedTz {
 public:
  explicit ScopedTz(const char* tz);
  ~ScopedTz();

 private:
  std::string old_;
  bool had_old_ = false;
};

// A writable archive in a temp dir holding the planted data, indexed into
// `index_dir()`. Construction aborts the test binary on failure (it is setup).
class PlantedArchive {
 public:
  PlantedArchive();
  const store::Archive& archive() const { return *archive_; }
  store::Archive& mutable_archive() { return *archive_; }
  std::filesystem::path index_dir() const { return dir_.path() / "index"; }
  std::filesystem::path archive_dir() const { return dir_.path() / "archive"; }

 private:
  store::TestTempDir dir_;
  std::unique_ptr<store::Archive> archive_;
};

}  // namespace backscroll::query::testing
