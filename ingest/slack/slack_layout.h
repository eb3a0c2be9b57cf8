#pragma once
// Which entries of a Slack export are what (internal to ingest/).
//
//   users.json  channels.json  groups.json  dms.json  mpims.json   metadata, at the root
//   org_users.json                              Enterprise Grid's users.json
//   <folder>/<YYYY-MM-DD>.json                  a day file of one conversation
//   integration_logs.json canvases.json content_flags.json, <folder>/attachments/...,
//   __uploads/... (slackdump's copies of files)                ignored silently
//   anything else (notes.json, general/2021-02-30.json, a/b/c.json)  ignored, counted
//
// A zip made with `zip -r export.zip export/` wraps everything in one folder: when
// no metadata file sits at the root but all entries share one first folder that
// holds a metadata file, that folder is the root.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest/export_files.h"

namespace backscroll::ingest::slack {

enum class MetadataFile { kUsers, kOrgUsers, kChannels, kGroups, kDms, kMpims };
inline constexpr int kMetadataFileCount = 6;
const char* metadata_file_name(MetadataFile file);  // "users.json", ...

struct SlackLayout {
  std::string root;  // "" or "wrapper/": prefix of every entry path used.
  // Entry path of each metadata file present, indexed by MetadataFile.
  std::optional<std::string> metadata[kMetadataFileCount];
  struct DayFileEntry {
    std::string path;    // Full entry path (with root).
    std::string folder;  // The conversation folder, e.g. "general".
    std::uint64_t size = 0;
  };
  std::vector<DayFileEntry> day_files;  // In entry order.
  std::vector<std::string> folders;     // Distinct day-file folders, sorted.
  std::uint64_t ignored = 0;            // Unexpected .json entries (see above).
  std::uint64_t day_bytes = 0;          // Sum of day file sizes.

  const std::optional<std::string>& path_of(MetadataFile f) const {
    return metadata[static_cast<int>(f)];
  }
};

SlackLayout classify_slack_entries(const std::vector<ExportEntry>& entries);

}  // namespace backscroll::ingest::slack
