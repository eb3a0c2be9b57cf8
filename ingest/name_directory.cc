#include "ingest/name_directory.h"

namespace backscroll::ingest {

void NameDirectory::add_user(const core::User& user) {
  if (user.id.empty()) return;
  users_.insert_or_assign(user.id.value, user.shown_name());
}

void NameDirectory::add_conversation(const core::Conversation& conversation) {
  if (conversation.id.empty()) return;
  conversations_.insert_or_assign(
      conversation.id.value, conversation.name.empty() ? conversation.id.value : conversation.name);
}

void NameDirectory::set_user_name(std::string id, std::string name) {
  if (!id.empty()) users_.insert_or_assign(std::move(id), std::move(name));
}

const std::string* NameDirectory::user_name(std::string_view id) const {
  auto it = users_.find(id);
  return it == users_.end() ? nullptr : &it->second;
}

const std::string* NameDirectory::conversation_name(std::string_view id) const {
  auto it = conversations_.find(id);
  return it == conversations_.end() ? nullptr : &it->second;
}

}  // namespace backscroll::ingest
