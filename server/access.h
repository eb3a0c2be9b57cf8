#pragma once
// Access control for `backscroll serve`: who may see which conversations.
//
// A tokens file has one grant per line, `TOKEN SCOPE`, blank lines and `#`
// comments ignored:
//
//   # ops team: their private channels on top of the public ones
//   s3cr3t-ops  ops-private,#incidents-private,G0123ABC
//   s3cr3t-root all
//   s3cr3t-ro   public
//
// SCOPE is `all` (everything, DMs included), `public` (public channels), or a
// comma-separated list of conversation names (`#` optional) or ids, seen in
// addition to the public channels. A caller without a token sees public
// channels only; a caller with a token that matches no grant is refused (401).
//
// Names in a scope are resolved against the archive's conversations each time
// the server takes a new snapshot, so a channel created by a later ingest
// becomes visible without a restart.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/ids.h"
#include "core/model.h"
#include "core/result.h"

namespace backscroll::query {
class Directory;
}

namespace backscroll::server {

enum class ScopeKind { kAll, kPublic, kListed };

struct Grant {
  std::string token;
  ScopeKind kind = ScopeKind::kPublic;
  std::vector<std::string> conversations;  // kListed: names or ids as written.
};

// Parses the text of a tokens file. kUsage errors name the line: an empty
// scope, a line with more than two fields, a token used twice, or a token
// shorter than 8 characters.
[[nodiscard]] core::Result<std::vector<Grant>> parse_grants(std::string_view text);
// Reads and parses `path` (kNotFound / kStorage when it cannot be read).
[[nodiscard]] core::Result<std::vector<Grant>> load_grants(const std::filesystem::path& path);

// Which grant an `Authorization` header value selects: an anonymous Caller
// (public only) when there is no header, the grant's index for `Bearer TOKEN`
// with a known token. Anything else (unknown token, another scheme, an empty
// header) is refused: nullopt (HTTP 401). Every grant is compared in constant
// time, whatever matches, so timing tells nothing about the tokens.
struct Caller {
  std::optional<std::size_t> grant;  // nullopt: anonymous.
};
[[nodiscard]] std::optional<Caller> authenticate(const std::vector<Grant>& grants, bool has_header,
                                                 std::string_view authorization);

// The conversations one caller may see, resolved against one snapshot, with
// a Directory of only those conversations (and every user): names typed by
// the caller (in:#name, a thread's conversation) resolve among them alone, so
// an error or a "did you mean" hint never names a conversation the caller
// may not see.
class View {
 public:
  // Everything: `directory` is the archive's whole Directory.
  static View all(std::shared_ptr<const query::Directory> directory,
                  std::vector<core::Conversation> conversations);
  // Exactly `conversations`, with `users` for names.
  View(std::vector<core::Conversation> conversations, std::vector<core::User> users);

  bool is_all() const { return all_; }
  bool can_see(const core::ConversationId& id) const { return all_ || set_.contains(id); }
  // nullopt for all, else the ids (for query::SearchRequest::visible).
  const std::optional<std::vector<core::ConversationId>>& ids() const { return ids_; }
  const std::vector<core::Conversation>& conversations() const { return conversations_; }
  const query::Directory& directory() const { return *directory_; }

 private:
  View() = default;
  bool all_ = false;
  std::optional<std::vector<core::ConversationId>> ids_;
  std::unordered_set<core::ConversationId> set_;
  std::vector<core::Conversation> conversations_;
  std::shared_ptr<const query::Directory> directory_;
};

// The view of an anonymous caller (grant nullptr) or of `grant`, over the
// archive's `conversations` and `full` Directory. Listed names that match no
// conversation are added to `unresolved`.
View make_view(const Grant* grant, const std::vector<core::Conversation>& conversations,
               const std::shared_ptr<const query::Directory>& full,
               std::vector<std::string>* unresolved);

}  // namespace backscroll::server
