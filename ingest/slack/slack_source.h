#pragma once
// SlackSource: a Slack workspace export (zip or folder) as an ExportSource.
//
// read_metadata() reads, in one pass, users.json (org_users.json when users.json
// is absent), channels.json (kPublic), groups.json (kPrivate), dms.json (kDm) and
// mpims.json (kMpim). Missing files are empty lists; a missing users.json or
// channels.json adds a warning. Each day-file folder is then mapped to its
// conversation: channels, groups and mpims by name, DMs by id, then any
// conversation by id. A folder found nowhere becomes a kPublic conversation whose
// id and name are the folder name, with a warning.
//
// read_messages() reads the day files in one sequential pass, one file in memory
// at a time, and hands each to the visitor as a DayFile.

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/result.h"
#include "ingest/source.h"

namespace backscroll::ingest::slack {

class SlackSource : public ExportSource {
 public:
  // Errors: those of ExportFiles::open (kNotFound, kBadInput, kStorage).
  [[nodiscard]] static core::Result<std::unique_ptr<SlackSource>> open(
      const std::filesystem::path& path, const ExportLimits& limits = {});
  ~SlackSource() override;

  const std::filesystem::path& path() const override;
  std::uint64_t message_bytes_total() const override;
  [[nodiscard]] core::Result<SourceMetadata> read_metadata() override;
  [[nodiscard]] core::Result<void> read_messages(const NameDirectory& names,
                                                 const DayFileVisitor& visit,
                                                 const KnownDayFile& known = {}) override;

 private:
  struct Impl;
  explicit SlackSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace backscroll::ingest::slack
