#include "query/directory.h"

#include <algorithm>
#include <optional>
#include <set>

#include "query/suggest.h"
#include "store/archive.h"

namespace backscroll::query {
namespace {

std::string_view strip_sigil(std::string_view text, char sigil) {
  if (!text.empty() && text.front() == sigil) text.remove_prefix(1);
  return text;
}

bool same_name(const std::string& name, const std::string& folded_wanted) {
  return !name.empty() && fold_case(name) == folded_wanted;
}

std::string join_hint(const std::vector<std::string>& names, std::string_view sigil) {
  if (names.empty()) return "";
  std::string hint = "did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) hint += ", ";
    hint += sigil;
    hint += names[i];
  }
  return hint + "?";
}

// The one user in every two-person DM, if there is exactly one.
std::optional<core::UserId> find_owner(const std::vector<core::Conversation>& conversations) {
  std::optional<std::set<core::UserId>> common;
  for (const core::Conversation& c : conversations) {
    if (c.kind != core::ConversationKind::kDm || c.members.size() != 2) continue;
    std::set<core::UserId> members(c.members.begin(), c.members.end());
    if (!common) {
      common = members;
      continue;
    }
    std::set<core::UserId> both;
    std::set_intersection(common->begin(), common->end(), members.begin(), members.end(),
                          std::inserter(both, both.end()));
    common = std::move(both);
  }
  if (!common || common->size() != 1) return std::nullopt;
  return *common->begin();
}

}  // namespace

Directory::Directory(std::vector<core::User> users, std::vector<core::Conversation> conversations)
    : users_(std::move(users)), conversations_(std::move(conversations)) {
  for (std::size_t i = 0; i < users_.size(); ++i) user_index_.emplace(users_[i].id, i);
  for (std::size_t i = 0; i < conversations_.size(); ++i)
    conversation_index_.emplace(conversations_[i].id, i);

  const std::optional<core::UserId> owner = find_owner(conversations_);
  for (const core::Conversation& c : conversations_) {
    std::string shown = c.name.empty() ? c.id.str() : c.name;
    if (c.kind == core::ConversationKind::kDm && !c.members.empty()) {
      std::vector<core::UserId> others;
      for (const core::UserId& m : c.members)
        if (!owner || m != *owner) others.push_back(m);
      if (others.empty()) others.push_back(c.members.front());  // A self-DM.
      shown.clear();
      for (const core::UserId& m : others) {
        if (!shown.empty()) shown += ", ";
        shown += user_name(m);
      }
    }
    shown_conversation_names_.emplace(c.id, std::move(shown));
  }
}

core::Result<Directory> Directory::load(const store::Archive& archive) {
  auto users = archive.users();
  if (!users) return core::Unexpected{users.error()};
  auto conversations = archive.conversations();
  if (!conversations) return core::Unexpected{conversations.error()};
  return Directory(std::move(users).value(), std::move(conversations).value());
}

const core::User* Directory::user(const core::UserId& id) const {
  auto it = user_index_.find(id);
  return it == user_index_.end() ? nullptr : &users_[it->second];
}

const core::Conversation* Directory::conversation(const core::ConversationId& id) const {
  auto it = conversation_index_.find(id);
  return it == conversation_index_.end() ? nullptr : &conversations_[it->second];
}

core::Result<std::vector<core::UserId>> Directory::find_users(std::string_view text) const {
  const std::string_view bare = strip_sigil(text, '@');
  if (const core::User* u = user(core::UserId(std::string(bare)))) return std::vector{u->id};
  const std::string wanted = fold_case(bare);
  for (auto field : {&core::User::name, &core::User::display_name, &core::User::real_name}) {
    std::vector<core::UserId> found;
    for (const core::User& u : users_)
      if (same_name(u.*field, wanted) ||
          (field == &core::User::name && fold_case(u.id.str()) == wanted))
        found.push_back(u.id);
    if (!found.empty()) return found;
  }
  std::vector<core::UserId> former;
  for (const core::User& u : users_)
    for (const std::string& name : u.former_names)
      if (same_name(name, wanted)) {
        former.push_back(u.id);
        break;
      }
  if (!former.empty()) return former;
  std::vector<std::string> names;
  for (const core::User& u : users_) {
    names.push_back(u.name.empty() ? u.id.str() : u.name);
    if (!u.display_name.empty()) names.push_back(u.display_name);
    if (!u.real_name.empty()) names.push_back(u.real_name);
  }
  core::Error error =
      core::make_error(core::ErrorCode::kBadQuery, "no person named @" + std::string(bare));
  error.hint = join_hint(closest_names(bare, names), "@");
  return core::Unexpected{std::move(error)};
}

core::Result<core::ConversationId> Directory::find_conversation(std::string_view text) const {
  const std::string_view bare = strip_sigil(text, '#');
  if (const core::Conversation* c = conversation(core::ConversationId(std::string(bare))))
    return c->id;
  const std::string wanted = fold_case(bare);
  for (const core::Conversation& c : conversations_)
    if (same_name(c.name, wanted) || fold_case(c.id.str()) == wanted) return c.id;
  for (const core::Conversation& c : conversations_)
    for (const std::string& name : c.former_names)
      if (same_name(name, wanted)) return c.id;
  std::vector<std::string> names;
  for (const core::Conversation& c : conversations_)
    if (c.kind == core::ConversationKind::kPublic || c.kind == core::ConversationKind::kPrivate ||
        c.kind == core::ConversationKind::kMpim)
      names.push_back(c.name.empty() ? c.id.str() : c.name);
  core::Error error =
      core::make_error(core::ErrorCode::kBadQuery, "no conversation named #" + std::string(bare));
  error.hint = join_hint(closest_names(bare, names), "#");
  return core::Unexpected{std::move(error)};
}

std::vector<core::ConversationId> Directory::dms_with(const core::UserId& person) const {
  std::vector<core::ConversationId> out;
  for (const core::Conversation& c : conversations_)
    if (c.kind == core::ConversationKind::kDm &&
        std::find(c.members.begin(), c.members.end(), person) != c.members.end())
      out.push_back(c.id);
  return out;
}

std::vector<core::ConversationId> Directory::direct_conversations_with(
    const std::vector<core::UserId>& people) const {
  std::vector<core::ConversationId> out;
  for (const core::Conversation& c : conversations_) {
    if (c.kind != core::ConversationKind::kDm && c.kind != core::ConversationKind::kMpim) continue;
    bool all = true;
    for (const core::UserId& p : people)
      all = all && std::find(c.members.begin(), c.members.end(), p) != c.members.end();
    if (all) out.push_back(c.id);
  }
  return out;
}

std::string Directory::conversation_name(const core::ConversationId& id) const {
  auto it = shown_conversation_names_.find(id);
  return it == shown_conversation_names_.end() ? id.str() : it->second;
}

std::string Directory::user_name(const core::UserId& id) const {
  const core::User* u = user(id);
  return u ? u->shown_name() : id.str();
}

std::string Directory::author_name(const core::Message& message) const {
  if ((message.is_bot || message.kind == core::MessageKind::kBot) && !message.author_name.empty())
    return message.author_name;
  if (const core::User* u = user(message.user_id)) return u->shown_name();
  if (!message.author_name.empty()) return message.author_name;
  return message.user_id.str();
}

bool Directory::is_bot_author(const core::Message& message) const {
  if (message.is_bot || message.kind == core::MessageKind::kBot) return true;
  const core::User* u = user(message.user_id);
  return u != nullptr && u->is_bot;
}

}  // namespace backscroll::query
