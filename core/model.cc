#include "core/model.h"

#include <algorithm>

namespace backscroll::core {

const char* conversation_kind_name(ConversationKind kind) {
  switch (kind) {
    case ConversationKind::kPublic: return "public";
    case ConversationKind::kPrivate: return "private";
    case ConversationKind::kDm: return "dm";
    case ConversationKind::kMpim: return "mpim";
  }
  return "public";
}

const char* message_kind_name(MessageKind kind) {
  switch (kind) {
    case MessageKind::kPlain: return "plain";
    case MessageKind::kBot: return "bot";
    case MessageKind::kJoin: return "join";
    case MessageKind::kLeave: return "leave";
    case MessageKind::kFileShare: return "file_share";
    case MessageKind::kThreadBroadcast: return "thread_broadcast";
    case MessageKind::kTombstone: return "tombstone";
    case MessageKind::kPinned: return "pinned";
    case MessageKind::kMe: return "me";
    case MessageKind::kChannelEvent: return "channel_event";
    case MessageKind::kOther: return "other";
  }
  return "other";
}

std::string User::shown_name() const {
  if (!display_name.empty()) return display_name;
  if (!real_name.empty()) return real_name;
  if (!name.empty()) return name;
  return id.value;
}

std::string searchable_text(const Message& m) {
  std::vector<const std::string*> parts;
  auto add = [&parts](const std::string& s) {
    if (s.empty()) return;
    for (const std::string* p : parts)
      if (*p == s) return;
    parts.push_back(&s);
  };
  std::vector<std::string> field_lines;  // Owns "title: value" strings.
  for (const Attachment& a : m.attachments)
    for (const AttachmentField& f : a.fields)
      field_lines.push_back(f.title.empty() ? f.value : f.title + ": " + f.value);

  add(m.text);
  std::size_t field_index = 0;
  for (const Attachment& a : m.attachments) {
    std::size_t before = parts.size();
    add(a.pretext);
    add(a.author_name);
    add(a.title);
    add(a.text);
    for (std::size_t i = 0; i < a.fields.size(); ++i) add(field_lines[field_index++]);
    add(a.footer);
    if (parts.size() == before) add(a.fallback);
  }
  add(m.blocks_text);
  for (const FileRef& f : m.files) {
    add(f.name);
    add(f.title);
    add(f.preview);
  }
  std::string out;
  for (const std::string* p : parts) {
    if (!out.empty()) out += '\n';
    out += *p;
  }
  return out;
}

}  // namespace backscroll::core
