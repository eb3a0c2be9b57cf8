#include "ingest/slack/slack_layout.h"

#include <algorithm>
#include <string_view>

#include "core/calendar.h"

namespace backscroll::ingest::slack {
namespace {

std::optional<MetadataFile> metadata_file_of(std::string_view name) {
  for (int i = 0; i < kMetadataFileCount; ++i) {
    auto f = static_cast<MetadataFile>(i);
    if (name == metadata_file_name(f)) return f;
  }
  return std::nullopt;
}

// Top-level files of real exports that hold no chat content.
bool is_known_extra_file(std::string_view name) {
  return name == "integration_logs.json" || name == "canvases.json" || name == "content_flags.json";
}

std::string detect_root(const std::vector<ExportEntry>& entries) {
  std::optional<std::string_view> first_folder;
  bool wrapped_has_metadata = false;
  for (const ExportEntry& e : entries) {
    std::string_view path = e.path;
    std::size_t slash = path.find('/');
    if (slash == std::string_view::npos) return "";  // A file at the root: no wrapper.
    std::string_view folder = path.substr(0, slash);
    if (first_folder && *first_folder != folder) return "";
    first_folder = folder;
    std::string_view rest = path.substr(slash + 1);
    if (rest.find('/') == std::string_view::npos && metadata_file_of(rest))
      wrapped_has_metadata = true;
  }
  if (!first_folder || !wrapped_has_metadata) return "";
  return std::string(*first_folder) + "/";
}

}  // namespace

const char* metadata_file_name(MetadataFile file) {
  switch (file) {
    case MetadataFile::kUsers:
      return "users.json";
    case MetadataFile::kOrgUsers:
      return "org_users.json";
    case MetadataFile::kChannels:
      return "channels.json";
    case MetadataFile::kGroups:
      return "groups.json";
    case MetadataFile::kDms:
      return "dms.json";
    case MetadataFile::kMpims:
      return "mpims.json";
  }
  return "";
}

SlackLayout classify_slack_entries(const std::vector<ExportEntry>& entries) {
  SlackLayout layout;
  layout.root = detect_root(entries);
  for (const ExportEntry& e : entries) {
    std::string_view path = e.path;
    if (!path.starts_with(layout.root)) {
      ++layout.ignored;
      continue;
    }
    path.remove_prefix(layout.root.size());
    std::size_t slash = path.find('/');
    if (slash == std::string_view::npos) {
      if (auto f = metadata_file_of(path)) {
        layout.metadata[static_cast<int>(*f)] = e.path;
      } else if (!is_known_extra_file(path)) {
        ++layout.ignored;
      }
      continue;
    }
    std::string_view folder = path.substr(0, slash);
    std::string_view name = path.substr(slash + 1);
    if (folder == "__uploads" || name.starts_with("attachments/")) continue;  // slackdump files.
    // "YYYY-MM-DD.json" (the extension's case was checked by ExportFiles).
    if (name.find('/') != std::string_view::npos || name.size() != 15 ||
        !core::parse_day(name.substr(0, 10))) {
      ++layout.ignored;
      continue;
    }
    layout.day_files.push_back({e.path, std::string(folder), e.size});
    layout.day_bytes += e.size;
    layout.folders.emplace_back(folder);
  }
  std::sort(layout.folders.begin(), layout.folders.end());
  layout.folders.erase(std::unique(layout.folders.begin(), layout.folders.end()),
                       layout.folders.end());
  return layout;
}

}  // namespace backscroll::ingest::slack
