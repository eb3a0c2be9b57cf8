#include "query/document_names.h"

#include "query/directory.h"

namespace backscroll::query {
namespace {

constexpr std::size_t kShortestName = 3;

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when a name ending before text[end] goes on there ("ann" in "anna",
// "bob" in "bob.smith"); a sentence's full stop does not continue it.
bool continues_name(std::string_view text, std::size_t end) {
  if (end >= text.size()) return false;
  if (text[end] == '.') return end + 1 < text.size() && is_word_char(text[end + 1]);
  return is_word_char(text[end]);
}

// Splits Slack mrkdwn into the parts where people write names (`on_text`):
// everything outside control sequences, and their labels except a mention's;
// and the rest (`on_verbatim`): "<", targets, "|", ">".
template <typename Text, typename Verbatim>
void split_mrkdwn(std::string_view text, Text&& on_text, Verbatim&& on_verbatim) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('<', pos);
    const std::size_t close = open == std::string_view::npos ? open : text.find('>', open);
    if (close == std::string_view::npos) break;
    on_text(text.substr(pos, open - pos));
    const std::string_view control = text.substr(open, close + 1 - open);
    const std::size_t bar = control.find('|');
    if (bar != std::string_view::npos && control[1] != '@') {
      on_verbatim(control.substr(0, bar + 1));
      on_text(control.substr(bar + 1, control.size() - bar - 2));
      on_verbatim(">");
    } else {
      on_verbatim(control);
    }
    pos = close + 1;
  }
  on_text(text.substr(pos));
}

}  // namespace

DocumentNames::DocumentNames(const Directory& directory, bool anonymize)
    : directory_(directory), anonymize_(anonymize) {
  for (const core::Conversation& c : directory.conversations()) markup_.add_conversation(c);
  if (!anonymize) {
    for (const core::User& u : directory.users()) markup_.add_user(u);
    return;
  }
  auto add = [&](std::string_view name, const core::User& u) {
    if (name.size() < kShortestName) return;
    const auto first = static_cast<unsigned char>(lower(name.front()));
    if (first >= by_letter_.size()) return;  // Non-ASCII first byte: matched by other names.
    by_letter_[first].push_back(candidates_.size());
    candidates_.push_back({std::string(name), u.id.value});
  };
  for (const core::User& u : directory.users()) {
    if (u.is_bot) continue;
    for (const std::string* name : {&u.name, &u.display_name, &u.real_name}) add(*name, u);
    add(std::string_view(u.real_name).substr(0, u.real_name.find(' ')), u);
    for (const std::string& former : u.former_names) add(former, u);
  }
}

bool DocumentNames::is_bot(const core::Message& m) const { return directory_.is_bot_author(m); }

const DocumentNames::Candidate* DocumentNames::match_at(std::string_view text,
                                                        std::size_t pos) const {
  const auto first = static_cast<unsigned char>(lower(text[pos]));
  if (first >= by_letter_.size()) return nullptr;
  const Candidate* best = nullptr;
  for (std::size_t i : by_letter_[first]) {
    const Candidate& c = candidates_[i];
    if (best != nullptr && c.name.size() <= best->name.size()) continue;
    if (c.name.size() > text.size() - pos ||
        text.compare(pos + 1, c.name.size() - 1, c.name, 1, std::string::npos) != 0 ||
        continues_name(text, pos + c.name.size()))
      continue;
    best = &c;
  }
  return best;
}

void DocumentNames::for_each_name(std::string_view text, const OnName& on_name) const {
  if (candidates_.empty()) return;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && is_word_char(text[i - 1])) continue;
    if (const Candidate* c = match_at(text, i)) {
      on_name(i, c->name.size(), c->user_id);
      i += c->name.size() - 1;
    }
  }
}

void DocumentNames::assign(const std::string& user_id) {
  if (user_id.empty() || roles_.contains(user_id)) return;
  std::string role = "Person " + std::to_string(roles_.size() + 1);
  markup_.set_user_name(user_id, role);
  roles_.emplace(user_id, std::move(role));
}

const std::string& DocumentNames::role(const std::string& user_id) const {
  static const std::string kSomeone = "Someone";
  auto it = roles_.find(user_id);
  return it == roles_.end() ? kSomeone : it->second;
}

void DocumentNames::note(const core::Message& m) {
  if (!anonymize_) return;
  if (!is_bot(m)) assign(m.user_id.value);
  auto assign_named = [&](std::size_t, std::size_t, const std::string& id) { assign(id); };
  for (std::size_t at = m.raw_text.find("<@"); at != std::string::npos;
       at = m.raw_text.find("<@", at + 2)) {
    const std::size_t end = m.raw_text.find_first_of("|>", at + 2);
    if (end != std::string::npos) assign(m.raw_text.substr(at + 2, end - at - 2));
  }
  split_mrkdwn(
      m.raw_text, [&](std::string_view part) { for_each_name(part, assign_named); },
      [](std::string_view) {});
  for_each_name(core::searchable_text(m), assign_named);  // Attachments, blocks, files.
}

std::string DocumentNames::author(const Hit& hit) const {
  if (!anonymize_ || is_bot(hit.message)) return hit.user;
  return role(hit.message.user_id.value);
}

std::string DocumentNames::plain(std::string_view text) const {
  if (!anonymize_) return std::string(text);
  std::string out;
  std::size_t done = 0;
  for_each_name(text, [&](std::size_t pos, std::size_t size, const std::string& id) {
    out.append(text.substr(done, pos - done));
    out += role(id);
    done = pos + size;
  });
  out.append(text.substr(done));
  return out;
}

std::string DocumentNames::mrkdwn(std::string_view text) const {
  if (!anonymize_) return std::string(text);
  std::string out;
  split_mrkdwn(
      text, [&](std::string_view part) { out += plain(part); },
      [&](std::string_view part) { out.append(part); });
  return out;
}

}  // namespace backscroll::query
