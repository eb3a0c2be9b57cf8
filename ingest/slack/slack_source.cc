#include "ingest/slack/slack_source.h"

#include <unordered_map>

#include "ingest/content_hash.h"
#include "ingest/export_files.h"
#include "ingest/slack/slack_layout.h"
#include "ingest/slack/slack_messages.h"
#include "ingest/slack/slack_metadata.h"

namespace backscroll::ingest::slack {

struct SlackSource::Impl {
  std::filesystem::path path;
  std::unique_ptr<ExportFiles> files;
  SlackLayout layout;
  std::unordered_map<std::string, core::ConversationId> folder_to_conversation;

  core::Error file_error(core::Error e, const std::string& file) const {
    e.where.source = path.string();
    e.where.file = file;
    return e;
  }
  void map_folders(SourceMetadata& meta);
};

void SlackSource::Impl::map_folders(SourceMetadata& meta) {
  std::unordered_map<std::string, const core::Conversation*> by_name, by_id;
  for (const core::Conversation& c : meta.conversations) {
    by_id.emplace(c.id.value, &c);
    if (c.kind != core::ConversationKind::kDm && !c.name.empty()) by_name.emplace(c.name, &c);
  }
  std::vector<core::Conversation> made_up;
  for (const std::string& folder : layout.folders) {
    const core::Conversation* found = nullptr;
    if (auto it = by_name.find(folder); it != by_name.end()) {
      found = it->second;
    } else if (auto id = by_id.find(folder); id != by_id.end()) {
      found = id->second;
    }
    if (found != nullptr) {
      folder_to_conversation.emplace(folder, found->id);
      continue;
    }
    core::Conversation c;
    c.id = core::ConversationId(folder);
    c.name = folder;
    c.kind = core::ConversationKind::kPublic;
    meta.warnings.push_back("folder \"" + folder +
                            "\" is in no metadata file: archived as public channel \"" + folder +
                            "\" with id \"" + folder + "\"");
    folder_to_conversation.emplace(folder, c.id);
    made_up.push_back(std::move(c));
  }
  for (core::Conversation& c : made_up) meta.conversations.push_back(std::move(c));
}

SlackSource::SlackSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SlackSource::~SlackSource() = default;

core::Result<std::unique_ptr<SlackSource>> SlackSource::open(const std::filesystem::path& path,
                                                             const ExportLimits& limits) {
  auto files = ExportFiles::open(path, limits);
  if (!files) return core::Unexpected{files.error()};
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->files = std::move(*files);
  impl->layout = classify_slack_entries(impl->files->entries());
  return std::unique_ptr<SlackSource>(new SlackSource(std::move(impl)));
}

const std::filesystem::path& SlackSource::path() const { return impl_->path; }

std::uint64_t SlackSource::message_bytes_total() const { return impl_->layout.day_bytes; }

core::Result<SourceMetadata> SlackSource::read_metadata() {
  SourceMetadata meta;
  const SlackLayout& layout = impl_->layout;
  for (const core::Error& e : impl_->files->rejected()) meta.errors.push_back(e);

  // The files to read: users.json, or org_users.json in its absence.
  std::unordered_map<std::string, MetadataFile> wanted;
  for (int i = 0; i < kMetadataFileCount; ++i) {
    auto f = static_cast<MetadataFile>(i);
    if (f == MetadataFile::kOrgUsers && layout.path_of(MetadataFile::kUsers)) continue;
    if (const auto& p = layout.path_of(f)) wanted.emplace(*p, f);
  }
  MetadataReader reader;
  core::Result<void> pass = impl_->files->read(
      [&](const ExportEntry& e) { return wanted.contains(e.path); },
      [&](const ExportEntry& e, core::Result<EntryData> data) -> core::Result<void> {
        if (!data) {
          meta.errors.push_back(impl_->file_error(data.error(), e.path));
          return {};
        }
        MetadataFile f = wanted.at(e.path);
        if (f == MetadataFile::kUsers || f == MetadataFile::kOrgUsers) {
          auto users = reader.read_users(*data);
          if (!users) {
            meta.errors.push_back(impl_->file_error(users.error(), e.path));
          } else {
            for (core::User& u : *users) meta.users.push_back(std::move(u));
          }
          return {};
        }
        core::ConversationKind kind = f == MetadataFile::kChannels ? core::ConversationKind::kPublic
                                      : f == MetadataFile::kGroups
                                          ? core::ConversationKind::kPrivate
                                      : f == MetadataFile::kDms ? core::ConversationKind::kDm
                                                                : core::ConversationKind::kMpim;
        auto conversations = reader.read_conversations(*data, kind);
        if (!conversations) {
          meta.errors.push_back(impl_->file_error(conversations.error(), e.path));
        } else {
          for (core::Conversation& c : *conversations) meta.conversations.push_back(std::move(c));
        }
        return {};
      });
  if (!pass) {
    pass.error().where.source = impl_->path.string();
    return core::Unexpected{pass.error()};
  }
  if (!layout.path_of(MetadataFile::kUsers) && !layout.path_of(MetadataFile::kOrgUsers))
    meta.warnings.push_back("users.json is missing: mentions show user ids instead of names");
  if (!layout.path_of(MetadataFile::kChannels))
    meta.warnings.push_back("channels.json is missing: channels are named after their folders");
  if (layout.ignored > 0)
    meta.warnings.push_back(std::to_string(layout.ignored) +
                            " .json file(s) that are neither metadata nor day files were ignored");
  impl_->map_folders(meta);
  return meta;
}

core::Result<void> SlackSource::read_messages(const NameDirectory& names,
                                              const DayFileVisitor& visit,
                                              const KnownDayFile& known) {
  const SlackLayout& layout = impl_->layout;
  std::unordered_map<std::string_view, const SlackLayout::DayFileEntry*> day_files;
  for (const SlackLayout::DayFileEntry& d : layout.day_files) day_files.emplace(d.path, &d);
  MessageReader reader(names);
  core::Result<void> pass = impl_->files->read(
      [&](const ExportEntry& e) { return day_files.contains(e.path); },
      [&](const ExportEntry& e, core::Result<EntryData> data) -> core::Result<void> {
        const SlackLayout::DayFileEntry& entry = *day_files.at(e.path);
        DayFile file;
        file.file = e.path;
        file.bytes = e.size;
        file.name = e.path.substr(e.path.rfind('/') + 1);
        auto conversation = impl_->folder_to_conversation.find(entry.folder);
        if (conversation == impl_->folder_to_conversation.end())
          return core::fail(core::ErrorCode::kInternal, "read_messages() before read_metadata()");
        file.conversation = conversation->second;
        if (!data) {
          file.error = impl_->file_error(data.error(), e.path);
          return visit(std::move(file));
        }
        if (file.bytes == 0) file.bytes = data->size;
        file.content_hash = content_hash(data->view());
        if (known) {
          core::Result<bool> is_known = known(file.conversation, file.name, file.content_hash);
          if (!is_known) return core::Unexpected{std::move(is_known.error())};
          if (*is_known) {
            file.known = true;
            return visit(std::move(file));
          }
        }
        core::Result<void> r = reader.read_day_file(*data, conversation->second, file);
        if (!r) file.error = impl_->file_error(r.error(), e.path);
        return visit(std::move(file));
      });
  if (!pass && pass.error().where.source.empty()) pass.error().where.source = impl_->path.string();
  return pass;
}

}  // namespace backscroll::ingest::slack
