#pragma once
// NameDirectory: the names markup resolution shows for ids, e.g. "U024BE7LH" ->
// "bastian" and "C024BE91L" -> "general". Built by the ingest driver from the
// export's metadata and, for ids the export lacks, from the archive's stored users
// and conversations. Lookups take a string_view and never allocate.
// Not thread-safe for writes; concurrent const lookups are fine.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/model.h"

namespace backscroll::ingest {

class NameDirectory {
 public:
  // Adds or replaces the user's shown name (core::User::shown_name()).
  void add_user(const core::User& user);
  // Adds or replaces the conversation's name (for a DM, its id).
  void add_conversation(const core::Conversation& conversation);
  // Adds or replaces the name shown for a user id (e.g. a role when anonymizing).
  void set_user_name(std::string id, std::string name);

  // The name to show for a user / conversation id, or nullptr when unknown.
  const std::string* user_name(std::string_view id) const;
  const std::string* conversation_name(std::string_view id) const;

  std::size_t user_count() const { return users_.size(); }
  std::size_t conversation_count() const { return conversations_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  using Map = std::unordered_map<std::string, std::string, Hash, std::equal_to<>>;
  Map users_;
  Map conversations_;
};

}  // namespace backscroll::ingest
