#include "ingest/slack/slack_messages.h"

#include <algorithm>
#include <string>

#include "ingest/slack/json_values.h"
#include "ingest/slack/markup.h"
#include "ingest/slack/slack_message_parts.h"

namespace backscroll::ingest::slack {
namespace {

using core::MessageKind;

bool is_live_event(std::string_view subtype) {
  return subtype == "message_changed" || subtype == "message_deleted" ||
         subtype == "message_replied";
}

MessageKind kind_of(std::string_view subtype, bool has_bot_id) {
  if (subtype.empty()) return has_bot_id ? MessageKind::kBot : MessageKind::kPlain;
  struct Entry {
    std::string_view subtype;
    MessageKind kind;
  };
  static constexpr Entry kTable[] = {
      {"bot_message", MessageKind::kBot},
      {"me_message", MessageKind::kMe},
      {"thread_broadcast", MessageKind::kThreadBroadcast},
      {"channel_join", MessageKind::kJoin},
      {"group_join", MessageKind::kJoin},
      {"bot_add", MessageKind::kJoin},
      {"app_conversation_join", MessageKind::kJoin},
      {"channel_leave", MessageKind::kLeave},
      {"group_leave", MessageKind::kLeave},
      {"bot_remove", MessageKind::kLeave},
      {"app_conversation_leave", MessageKind::kLeave},
      {"file_share", MessageKind::kFileShare},
      {"file_comment", MessageKind::kFileShare},
      {"file_mention", MessageKind::kFileShare},
      {"tombstone", MessageKind::kTombstone},
      {"pinned_item", MessageKind::kPinned},
      {"unpinned_item", MessageKind::kPinned},
      {"channel_topic", MessageKind::kChannelEvent},
      {"channel_purpose", MessageKind::kChannelEvent},
      {"channel_name", MessageKind::kChannelEvent},
      {"channel_archive", MessageKind::kChannelEvent},
      {"channel_unarchive", MessageKind::kChannelEvent},
      {"channel_posting_permissions", MessageKind::kChannelEvent},
      {"channel_convert_to_private", MessageKind::kChannelEvent},
      {"channel_convert_to_public", MessageKind::kChannelEvent},
      {"group_topic", MessageKind::kChannelEvent},
      {"group_purpose", MessageKind::kChannelEvent},
      {"group_name", MessageKind::kChannelEvent},
      {"group_archive", MessageKind::kChannelEvent},
      {"group_unarchive", MessageKind::kChannelEvent},
  };
  for (const Entry& e : kTable)
    if (e.subtype == subtype) return e.kind;
  return MessageKind::kOther;
}

// Per-file counters that become warnings.
struct FileStats {
  std::uint64_t bad_thread_ts = 0;
  std::uint64_t duplicates = 0;
};

}  // namespace

struct MessageReader::Impl {
  explicit Impl(const NameDirectory& n) : names(n) {}

  const NameDirectory& names;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::parser blocks_parser;
  // Scratch, reused across messages.
  std::string user, bot_id, username, bot_name;
  core::User profile;  // From `user_profile`; its id is set only when it names an unknown user.
  std::vector<std::string> attachment_links;

  // Reads one message object. Returns false when it is not archived (skipped).
  bool read_message(JsonObject o, const EntryData& data, core::Message& m, FileStats& stats);
  void read_day(simdjson::ondemand::document& doc, const EntryData& data,
                const core::ConversationId& conversation, DayFile& out, FileStats& stats);
};

bool MessageReader::Impl::read_message(JsonObject o, const EntryData& data, core::Message& m,
                                       FileStats& stats) {
  user.clear();
  bot_id.clear();
  username.clear();
  bot_name.clear();
  profile = {};
  attachment_links.clear();
  bool has_ts = false;
  std::string_view blocks_raw;
  for (auto f : o) {
    std::string_view key = f.unescaped_key();
    JsonValue v = f.value();
    if (key == "text") {
      json_string_into(v, key, m.raw_text);
    } else if (key == "ts") {
      auto ts = core::SlackTs::parse(json_string(v, key));
      has_ts = ts.has_value();
      if (ts) m.ts = std::move(*ts);
    } else if (key == "user") {
      json_string_into(v, key, user);
    } else if (key == "subtype") {
      json_string_into(v, key, m.subtype);
    } else if (key == "thread_ts") {
      std::string_view text = json_string(v, key);
      if (text.empty()) continue;
      m.thread_ts = core::SlackTs::parse(text);
      if (!m.thread_ts) ++stats.bad_thread_ts;
    } else if (key == "bot_id") {
      json_string_into(v, key, bot_id);
    } else if (key == "username") {
      json_string_into(v, key, username);
    } else if (key == "bot_profile") {
      std::optional<JsonObject> profile = json_object(v, key);
      if (!profile) continue;
      for (auto p : *profile) {
        std::string_view pkey = p.unescaped_key();
        if (pkey == "name") json_string_into(p.value(), pkey, bot_name);
      }
    } else if (key == "user_profile") {
      std::optional<JsonObject> snapshot = json_object(v, key);
      if (!snapshot) continue;
      for (auto p : *snapshot) {
        std::string_view pkey = p.unescaped_key();
        if (pkey == "name") json_string_into(p.value(), pkey, profile.name);
        if (pkey == "real_name") json_string_into(p.value(), pkey, profile.real_name);
        if (pkey == "display_name") json_string_into(p.value(), pkey, profile.display_name);
      }
    } else if (key == "blocks") {
      std::optional<JsonArray> blocks = json_array(v, key);
      if (blocks) blocks_raw = blocks->raw_json();
    } else if (key == "attachments") {
      read_attachments(v, names, m.attachments, attachment_links);
    } else if (key == "files") {
      read_files(v, m.files);
    } else if (key == "file") {
      read_file(v, m.files);
    } else if (key == "reactions") {
      read_reactions(v, m.reactions);
    } else if (key == "edited") {
      std::optional<JsonObject> edited = json_object(v, key);
      if (!edited) continue;
      for (auto e : *edited) {
        std::string_view ekey = e.unescaped_key();
        if (ekey == "ts") m.edited_ts = core::SlackTs::parse(json_string(e.value(), ekey));
      }
    } else if (key == "reply_count") {
      std::int64_t n = json_int(v, key).value_or(0);
      m.reply_count = n < 0 ? 0 : static_cast<std::uint32_t>(n);
    } else if (key == "hidden") {
      m.hidden = json_bool(v, key);
    } else if (key == "pinned_to") {
      std::optional<JsonArray> pins = json_array(v, key);
      if (pins) {
        bool empty = pins->is_empty();
        m.pinned = !empty;
      }
    }
  }
  if (!has_ts || is_live_event(m.subtype)) return false;

  m.kind = kind_of(m.subtype, !bot_id.empty());
  m.is_bot = m.kind == MessageKind::kBot;
  m.deleted = m.kind == MessageKind::kTombstone;
  const std::string& author = !user.empty() ? user : !bot_id.empty() ? bot_id : username;
  m.user_id.value = author;
  const bool names_someone =
      !profile.name.empty() || !profile.real_name.empty() || !profile.display_name.empty();
  if (!user.empty() && names_someone && names.user_name(user) == nullptr) profile.id.value = user;
  if (!username.empty() && (user.empty() || m.is_bot)) {
    m.author_name = username;
  } else if (m.is_bot) {
    m.author_name = bot_name;
  }
  append_mrkdwn_text(m.raw_text, names, m.text, &m.links);
  for (std::string& link : attachment_links) add_link(link, m.links);
  if (!blocks_raw.empty() && (m.is_bot || m.raw_text.empty())) {
    append_blocks_text(blocks_parser, blocks_raw, data.data + data.capacity, data.data, names,
                       m.text, m.blocks_text, m.links);
  }
  return true;
}

void MessageReader::Impl::read_day(simdjson::ondemand::document& doc, const EntryData& data,
                                   const core::ConversationId& conversation, DayFile& out,
                                   FileStats& stats) {
  for (auto element : doc.get_array()) {
    JsonValue v = element.value();
    if (v.type() != simdjson::ondemand::json_type::object)
      throw FieldTypeError("a message is not a JSON object");
    core::Message m;
    if (read_message(v.get_object(), data, m, stats)) {
      m.conversation_id = conversation;
      out.messages.push_back(std::move(m));
      const bool known = std::any_of(out.profile_users.begin(), out.profile_users.end(),
                                     [&](const core::User& u) { return u.id == profile.id; });
      if (!profile.id.empty() && !known) out.profile_users.push_back(profile);
    } else {
      ++out.skipped;
    }
  }
}

MessageReader::MessageReader(const NameDirectory& names) : impl_(std::make_unique<Impl>(names)) {}
MessageReader::~MessageReader() = default;

core::Result<void> MessageReader::read_day_file(const EntryData& data,
                                                const core::ConversationId& conversation,
                                                DayFile& out) {
  const std::size_t first = out.messages.size();
  const std::size_t first_profile = out.profile_users.size();
  const std::uint64_t skipped_before = out.skipped;
  FileStats stats;
  core::Result<void> r = parse_json_document(impl_->parser, data, [&](auto& doc) {
    impl_->read_day(doc, data, conversation, out, stats);
  });
  if (!r) {
    out.messages.resize(first);
    out.profile_users.resize(first_profile);
    out.skipped = skipped_before;
    return r;
  }
  // Day files are sorted by ts; when one is not, sort it so duplicates are adjacent.
  auto begin = out.messages.begin() + static_cast<std::ptrdiff_t>(first);
  auto by_ts = [](const core::Message& a, const core::Message& b) { return a.ts < b.ts; };
  if (!std::is_sorted(begin, out.messages.end(), by_ts))
    std::stable_sort(begin, out.messages.end(), by_ts);
  // Keep the last of equal ts.
  auto write = begin;
  for (auto read = begin; read != out.messages.end(); ++read) {
    if (read + 1 != out.messages.end() && (read + 1)->ts == read->ts) {
      ++stats.duplicates;
      continue;
    }
    if (write != read) *write = std::move(*read);
    ++write;
  }
  out.messages.erase(write, out.messages.end());
  out.skipped += stats.duplicates;
  if (stats.duplicates > 0)
    out.warnings.push_back(std::to_string(stats.duplicates) +
                           " message(s) repeat an earlier ts: the last one was kept");
  if (stats.bad_thread_ts > 0)
    out.warnings.push_back(std::to_string(stats.bad_thread_ts) +
                           " message(s) with an invalid thread_ts: kept outside threads");
  return {};
}

core::Result<void> MessageReader::read_json(std::string_view json,
                                            const core::ConversationId& conversation,
                                            DayFile& out) {
  simdjson::padded_string padded(json);
  EntryData data{padded.data(), padded.size(), padded.size() + simdjson::SIMDJSON_PADDING};
  return read_day_file(data, conversation, out);
}

}  // namespace backscroll::ingest::slack
