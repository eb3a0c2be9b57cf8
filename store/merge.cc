#include "store/merge.h"

#include <algorithm>
#include <string>
#include <vector>

namespace backscroll::store {
namespace {

bool is_tombstone(const core::Message& m) { return m.kind == core::MessageKind::kTombstone; }

// True when `stored` carries a later edit than `incoming`.
bool edited_later(const core::Message& stored, const core::Message& incoming) {
  if (!stored.edited_ts) return false;
  return !incoming.edited_ts || *incoming.edited_ts < *stored.edited_ts;
}

// Appends each of `previous` that is not empty, not current and not listed yet.
void add_former(std::vector<std::string>& former, const std::vector<std::string>& previous,
                const std::vector<const std::string*>& current) {
  for (const std::string& name : previous) {
    if (name.empty()) continue;
    bool is_current = std::any_of(current.begin(), current.end(),
                                  [&](const std::string* c) { return *c == name; });
    if (is_current || std::find(former.begin(), former.end(), name) != former.end()) continue;
    former.push_back(name);
  }
}

}  // namespace

bool content_differs(const core::Message& a, const core::Message& b) {
  return a.raw_text != b.raw_text || a.blocks_text != b.blocks_text ||
         a.attachments != b.attachments || a.files != b.files;
}

MessageMerge merge_message(const core::Message& stored, const core::Message& incoming) {
  MessageMerge out;
  const bool deleted = stored.deleted || incoming.deleted || is_tombstone(incoming);
  if (is_tombstone(incoming) && !is_tombstone(stored)) {
    out.message = stored;
  } else if (!is_tombstone(stored) && edited_later(stored, incoming)) {
    out.message = stored;
    if (content_differs(stored, incoming)) out.version = incoming;
  } else {
    out.message = incoming;
    if (!is_tombstone(stored) && content_differs(stored, incoming)) out.version = stored;
  }
  out.message.deleted = deleted;
  return out;
}

core::Conversation merge_conversation(const core::Conversation& stored,
                                      core::Conversation incoming) {
  std::vector<std::string> former = stored.former_names;
  std::vector<std::string> previous = incoming.former_names;
  previous.push_back(stored.name);
  const std::vector<const std::string*> current{&incoming.name};
  std::erase(former, incoming.name);
  add_former(former, previous, current);
  incoming.former_names = std::move(former);
  return incoming;
}

core::User merge_user(const core::User& stored, core::User incoming) {
  std::vector<std::string> former = stored.former_names;
  std::vector<std::string> previous = incoming.former_names;
  for (const std::string* n : {&stored.name, &stored.display_name, &stored.real_name})
    previous.push_back(*n);
  const std::vector<const std::string*> current{&incoming.name, &incoming.display_name,
                                                &incoming.real_name};
  std::erase_if(former, [&](const std::string& n) {
    return std::any_of(current.begin(), current.end(),
                       [&](const std::string* c) { return *c == n; });
  });
  add_former(former, previous, current);
  incoming.former_names = std::move(former);
  return incoming;
}

}  // namespace backscroll::store
