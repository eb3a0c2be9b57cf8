#pragma once
// Typed identifiers. A Slack id is a string whose shape we never validate
// (slackdump obfuscates them), but a ConversationId is never a UserId.

#include <compare>
#include <functional>
#include <string>

namespace backscroll::core {

template <typename Tag>
struct Id {
  std::string value;

  Id() = default;
  explicit Id(std::string v) : value(std::move(v)) {}
  bool empty() const { return value.empty(); }
  const std::string& str() const { return value; }
  auto operator<=>(const Id&) const = default;
};

using ConversationId = Id<struct ConversationIdTag>;
// A user id (U…/W…), or for a bot without a user, its bot id (B…) or name.
using UserId = Id<struct UserIdTag>;

}  // namespace backscroll::core

template <typename Tag>
struct std::hash<backscroll::core::Id<Tag>> {
  std::size_t operator()(const backscroll::core::Id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.value);
  }
};
