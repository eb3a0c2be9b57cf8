#pragma once
// The names a Markdown document shows (markdown_document.h): people's real
// names, or with `anonymize` "Person N", numbered by first appearance. Every
// message of the document is noted, in document order, before any is
// rendered, so a person's number does not depend on where they are rendered.
//
// Anonymizing replaces, besides authors and <@U…> mentions, every name the
// archive knows for a person (handle, display name, real name, its first
// word, former names; 3 bytes or longer) wherever it stands as a word in the
// text: "thanks Anna" and "by hfaran" too. The first letter matches in
// either case, the rest exactly. URLs of links are left as they are.

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "ingest/name_directory.h"
#include "query/hit.h"

namespace backscroll::query {

class Directory;

class DocumentNames {
 public:
  DocumentNames(const Directory& directory, bool anonymize);

  // Assigns roles to the message's author and to everyone it names (no-op
  // unless anonymizing).
  void note(const core::Message& message);

  // True for bot messages (kept under their own names).
  bool is_bot(const core::Message& message) const;
  // The author's name as the document shows it.
  std::string author(const Hit& hit) const;
  // `text` (plain: markup resolved) with people's names replaced by their roles.
  std::string plain(std::string_view text) const;
  // Slack mrkdwn with the same replacements, outside control sequences (<…>)
  // but inside their labels.
  std::string mrkdwn(std::string_view text) const;
  // The names Slack markup resolves user ids to (ingest/slack/markup_markdown.h).
  const ingest::NameDirectory& markup() const { return markup_; }

 private:
  struct Candidate {
    std::string name;
    std::string user_id;
  };
  using OnName = std::function<void(std::size_t pos, std::size_t size, const std::string& user_id)>;
  // Calls `on_name` for each person's name standing as a word in `text`, in order.
  void for_each_name(std::string_view text, const OnName& on_name) const;
  const Candidate* match_at(std::string_view text, std::size_t pos) const;
  void assign(const std::string& user_id);
  const std::string& role(const std::string& user_id) const;

  const Directory& directory_;
  bool anonymize_;
  ingest::NameDirectory markup_;
  std::unordered_map<std::string, std::string> roles_;  // User id -> "Person N".
  std::vector<Candidate> candidates_;                   // Anonymize only.
  std::array<std::vector<std::size_t>, 128>
      by_letter_;  // Lowercase ASCII first byte -> candidates.
};

}  // namespace backscroll::query
