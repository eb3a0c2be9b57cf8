#pragma once
// Readers for a Slack export's metadata files (internal to ingest/):
//   users.json (or org_users.json)        -> core::User
//   channels.json / groups.json / dms.json / mpims.json -> core::Conversation
// Each file is a JSON array of objects. Tolerated: "created" as a string or a
// number, "members": null, missing topic/purpose, entries without an id (skipped).
// Errors: kBadInput (message and byte offset; the caller sets source and file).

#include <memory>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "ingest/export_files.h"

namespace backscroll::ingest::slack {

class MetadataReader {
 public:
  MetadataReader();
  ~MetadataReader();
  MetadataReader(const MetadataReader&) = delete;
  MetadataReader& operator=(const MetadataReader&) = delete;

  [[nodiscard]] core::Result<std::vector<core::User>> read_users(const EntryData& data);
  // `kind` is the file's kind (channels.json: kPublic, groups.json: kPrivate,
  // dms.json: kDm, mpims.json: kMpim); an entry with "is_mpim": true is kMpim.
  // A DM's name is its id.
  [[nodiscard]] core::Result<std::vector<core::Conversation>> read_conversations(
      const EntryData& data, core::ConversationKind kind);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace backscroll::ingest::slack
