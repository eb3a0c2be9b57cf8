#include "store/codec.h"

#include <optional>
#include <utility>

namespace backscroll::store {
namespace {

using core::SlackTs;

// --- writing ---

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void put_str(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

void put_opt_ts(std::string& out, const std::optional<SlackTs>& ts) {
  if (!ts) {
    out += '\0';
    return;
  }
  out += '\x01';
  put_str(out, ts->str());
}

template <typename Tag>
void put_ids(std::string& out, const std::vector<core::Id<Tag>>& ids) {
  put_varint(out, ids.size());
  for (const auto& id : ids) put_str(out, id.value);
}

// Trailing and optional (format 2): absent when empty, so a value without
// former names is byte-identical to its format 1 encoding.
void put_former_names(std::string& out, const std::vector<std::string>& names) {
  if (names.empty()) return;
  put_varint(out, names.size());
  for (const std::string& n : names) put_str(out, n);
}

// --- reading ---

// Reads fields in order; the first failure sticks and every later read yields
// an empty value, so callers check ok() once at the end.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return fail();
      auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail();
  }

  std::string str() {
    std::uint64_t n = varint();
    if (!ok_ || n > in_.size()) return fail(), std::string();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }

  // A count of list elements; each element takes at least one byte, so a count
  // beyond the remaining bytes is corrupt (and never makes us allocate wildly).
  std::size_t count() {
    std::uint64_t n = varint();
    if (n > in_.size()) return fail(), 0;
    return static_cast<std::size_t>(n);
  }

  SlackTs ts() {
    std::string text = str();
    if (text.empty()) return SlackTs();
    auto parsed = SlackTs::parse(text);
    if (!parsed) return fail(), SlackTs();
    return *parsed;
  }

  std::optional<SlackTs> opt_ts() {
    std::uint64_t present = varint();
    if (present == 0) return std::nullopt;
    if (present != 1) return fail(), std::nullopt;
    return ts();
  }

  template <typename IdT>
  std::vector<IdT> ids() {
    std::vector<IdT> out(count());
    for (auto& id : out) id.value = str();
    return out;
  }

  // The optional trailing list(str) of former names: empty at the end of input.
  // A present list must not be empty (the encoder omits empty ones).
  std::vector<std::string> former_names() {
    if (at_end()) return {};
    std::vector<std::string> out(count());
    if (out.empty()) fail();
    for (std::string& n : out) n = str();
    return out;
  }

  template <typename Enum>
  Enum enum_value(std::uint64_t max) {
    std::uint64_t v = varint();
    if (v > max) return fail(), Enum{};
    return static_cast<Enum>(v);
  }

  std::uint64_t fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }

 private:
  std::string_view in_;
  bool ok_ = true;
};

// Checks the version byte and strips it.
bool open_value(std::string_view& bytes) {
  if (bytes.empty() || static_cast<std::uint8_t>(bytes.front()) != kCodecVersion) return false;
  bytes.remove_prefix(1);
  return true;
}

template <typename T>
core::Result<T> finish(Reader& r, T value, const char* what) {
  if (!r.ok() || !r.at_end())
    return core::fail(core::ErrorCode::kCorrupt,
                      std::string("stored ") + what + " does not decode");
  return value;
}

core::Unexpected bad_version(const char* what) {
  return core::fail(core::ErrorCode::kCorrupt,
                    std::string("stored ") + what + " has an unknown encoding version");
}

constexpr std::uint64_t kMaxMessageKind = static_cast<std::uint64_t>(core::MessageKind::kOther);
constexpr std::uint64_t kMaxConversationKind =
    static_cast<std::uint64_t>(core::ConversationKind::kMpim);

}  // namespace

std::string encode_message(const core::Message& m) {
  std::string out;
  out.reserve(64 + m.raw_text.size() + m.text.size() + m.blocks_text.size());
  out += static_cast<char>(kCodecVersion);
  put_str(out, m.conversation_id.value);
  put_str(out, m.ts.str());
  put_opt_ts(out, m.thread_ts);
  put_str(out, m.user_id.value);
  put_str(out, m.author_name);
  put_varint(out, static_cast<std::uint64_t>(m.kind));
  put_str(out, m.subtype);
  put_str(out, m.raw_text);
  put_str(out, m.text);
  put_str(out, m.blocks_text);
  put_varint(out, m.attachments.size());
  for (const core::Attachment& a : m.attachments) {
    put_str(out, a.pretext);
    put_str(out, a.author_name);
    put_str(out, a.title);
    put_str(out, a.title_link);
    put_str(out, a.text);
    put_str(out, a.fallback);
    put_varint(out, a.fields.size());
    for (const core::AttachmentField& f : a.fields) {
      put_str(out, f.title);
      put_str(out, f.value);
    }
    put_str(out, a.footer);
    put_str(out, a.from_url);
  }
  put_varint(out, m.files.size());
  for (const core::FileRef& f : m.files) {
    put_str(out, f.id);
    put_str(out, f.name);
    put_str(out, f.title);
    put_str(out, f.filetype);
    put_str(out, f.preview);
  }
  put_varint(out, m.reactions.size());
  for (const core::Reaction& r : m.reactions) {
    put_str(out, r.name);
    put_varint(out, r.count);
    put_ids(out, r.users);
  }
  put_varint(out, m.links.size());
  for (const std::string& link : m.links) put_str(out, link);
  put_opt_ts(out, m.edited_ts);
  put_varint(out, m.reply_count);
  put_varint(out, (m.is_bot ? 1u : 0u) | (m.hidden ? 2u : 0u) | (m.pinned ? 4u : 0u) |
                      (m.deleted ? 8u : 0u));
  return out;
}

core::Result<core::Message> decode_message(std::string_view bytes) {
  if (!open_value(bytes)) return bad_version("message");
  Reader r(bytes);
  core::Message m;
  m.conversation_id.value = r.str();
  m.ts = r.ts();
  m.thread_ts = r.opt_ts();
  m.user_id.value = r.str();
  m.author_name = r.str();
  m.kind = r.enum_value<core::MessageKind>(kMaxMessageKind);
  m.subtype = r.str();
  m.raw_text = r.str();
  m.text = r.str();
  m.blocks_text = r.str();
  m.attachments.resize(r.count());
  for (core::Attachment& a : m.attachments) {
    a.pretext = r.str();
    a.author_name = r.str();
    a.title = r.str();
    a.title_link = r.str();
    a.text = r.str();
    a.fallback = r.str();
    a.fields.resize(r.count());
    for (core::AttachmentField& f : a.fields) {
      f.title = r.str();
      f.value = r.str();
    }
    a.footer = r.str();
    a.from_url = r.str();
  }
  m.files.resize(r.count());
  for (core::FileRef& f : m.files) {
    f.id = r.str();
    f.name = r.str();
    f.title = r.str();
    f.filetype = r.str();
    f.preview = r.str();
  }
  m.reactions.resize(r.count());
  for (core::Reaction& x : m.reactions) {
    x.name = r.str();
    x.count = static_cast<std::uint32_t>(r.varint());
    x.users = r.ids<core::UserId>();
  }
  m.links.resize(r.count());
  for (std::string& link : m.links) link = r.str();
  m.edited_ts = r.opt_ts();
  m.reply_count = static_cast<std::uint32_t>(r.varint());
  std::uint64_t flags = r.varint();
  if (flags > 15) r.fail();
  m.is_bot = flags & 1;
  m.hidden = flags & 2;
  m.pinned = flags & 4;
  m.deleted = flags & 8;
  return finish(r, std::move(m), "message");
}

std::string encode_user(const core::User& u) {
  std::string out;
  out += static_cast<char>(kCodecVersion);
  put_str(out, u.id.value);
  put_str(out, u.name);
  put_str(out, u.real_name);
  put_str(out, u.display_name);
  put_varint(out, (u.is_bot ? 1u : 0u) | (u.deleted ? 2u : 0u));
  put_former_names(out, u.former_names);
  return out;
}

core::Result<core::User> decode_user(std::string_view bytes) {
  if (!open_value(bytes)) return bad_version("user");
  Reader r(bytes);
  core::User u;
  u.id.value = r.str();
  u.name = r.str();
  u.real_name = r.str();
  u.display_name = r.str();
  std::uint64_t flags = r.varint();
  if (flags > 3) r.fail();
  u.is_bot = flags & 1;
  u.deleted = flags & 2;
  u.former_names = r.former_names();
  return finish(r, std::move(u), "user");
}

std::string encode_conversation(const core::Conversation& c) {
  std::string out;
  out += static_cast<char>(kCodecVersion);
  put_str(out, c.id.value);
  put_varint(out, static_cast<std::uint64_t>(c.kind));
  put_str(out, c.name);
  put_str(out, c.topic);
  put_str(out, c.purpose);
  put_ids(out, c.members);
  put_varint(out, c.archived ? 1u : 0u);
  // Zigzag, so small negative numbers stay short.
  auto created = static_cast<std::uint64_t>(c.created);
  put_varint(out, (created << 1) ^ static_cast<std::uint64_t>(c.created >> 63));
  put_former_names(out, c.former_names);
  return out;
}

core::Result<core::Conversation> decode_conversation(std::string_view bytes) {
  if (!open_value(bytes)) return bad_version("conversation");
  Reader r(bytes);
  core::Conversation c;
  c.id.value = r.str();
  c.kind = r.enum_value<core::ConversationKind>(kMaxConversationKind);
  c.name = r.str();
  c.topic = r.str();
  c.purpose = r.str();
  c.members = r.ids<core::UserId>();
  std::uint64_t flags = r.varint();
  if (flags > 1) r.fail();
  c.archived = flags & 1;
  std::uint64_t zz = r.varint();
  c.created = static_cast<std::int64_t>(zz >> 1) ^ -static_cast<std::int64_t>(zz & 1);
  c.former_names = r.former_names();
  return finish(r, std::move(c), "conversation");
}

}  // namespace backscroll::store
