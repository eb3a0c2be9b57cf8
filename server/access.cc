#include "server/access.h"

#include <fstream>
#include <sstream>

#include "query/directory.h"

namespace backscroll::server {
namespace {

constexpr std::size_t kMinTokenLength = 8;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

core::Unexpected line_error(std::size_t line, const std::string& what) {
  return core::fail(core::ErrorCode::kUsage,
                    "tokens file line " + std::to_string(line) + ": " + what);
}

// Compares all of both strings whatever they hold; only the lengths leak.
bool constant_time_equal(std::string_view a, std::string_view b) {
  const std::size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

}  // namespace

core::Result<std::vector<Grant>> parse_grants(std::string_view text) {
  std::vector<Grant> grants;
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    if (auto hash = line.find('#');
        hash != std::string_view::npos && trim(line.substr(0, hash)).empty())
      continue;  // A comment line (a '#' inside a scope is part of a name).
    line = trim(line);
    if (line.empty()) continue;
    std::vector<std::string_view> fields = split_fields(line);
    if (fields.size() == 1)
      return line_error(number, "a token needs a scope (all, public or names)");
    if (fields.size() > 2)
      return line_error(number, "expected TOKEN SCOPE, found " + std::to_string(fields.size()) +
                                    " fields (names in a scope are separated by commas only)");
    Grant grant;
    grant.token = std::string(fields[0]);
    if (grant.token.size() < kMinTokenLength)
      return line_error(number,
                        "token shorter than " + std::to_string(kMinTokenLength) + " characters");
    for (const Grant& g : grants)
      if (g.token == grant.token) return line_error(number, "token given twice");
    const std::string_view scope = fields[1];
    if (scope == "all") {
      grant.kind = ScopeKind::kAll;
    } else if (scope == "public") {
      grant.kind = ScopeKind::kPublic;
    } else {
      grant.kind = ScopeKind::kListed;
      std::size_t start = 0;
      while (start <= scope.size()) {
        std::size_t comma = scope.find(',', start);
        if (comma == std::string_view::npos) comma = scope.size();
        std::string_view name = scope.substr(start, comma - start);
        if (name.empty()) return line_error(number, "empty conversation name in the scope");
        grant.conversations.emplace_back(name);
        start = comma + 1;
      }
    }
    grants.push_back(std::move(grant));
  }
  return grants;
}

core::Result<std::vector<Grant>> load_grants(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    return core::fail(exists ? core::ErrorCode::kStorage : core::ErrorCode::kNotFound,
                      "cannot read tokens file " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto grants = parse_grants(text.str());
  if (!grants) grants.error().message = path.string() + ": " + grants.error().message;
  return grants;
}

std::optional<Caller> authenticate(const std::vector<Grant>& grants, bool has_header,
                                   std::string_view authorization) {
  if (!has_header) return Caller{};
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() <= kBearer.size() || authorization.substr(0, kBearer.size()) != kBearer)
    return std::nullopt;
  const std::string_view token = trim(authorization.substr(kBearer.size()));
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < grants.size(); ++i)
    if (constant_time_equal(grants[i].token, token) && !found) found = i;
  if (!found) return std::nullopt;
  return Caller{found};
}

View View::all(std::shared_ptr<const query::Directory> directory,
               std::vector<core::Conversation> conversations) {
  View v;
  v.all_ = true;
  v.conversations_ = std::move(conversations);
  v.directory_ = std::move(directory);
  return v;
}

View::View(std::vector<core::Conversation> conversations, std::vector<core::User> users) {
  std::vector<core::ConversationId> ids;
  for (const core::Conversation& c : conversations) ids.push_back(c.id);
  set_.insert(ids.begin(), ids.end());
  ids_ = std::move(ids);
  conversations_ = conversations;
  directory_ = std::make_shared<query::Directory>(std::move(users), std::move(conversations));
}

View make_view(const Grant* grant, const std::vector<core::Conversation>& conversations,
               const std::shared_ptr<const query::Directory>& full,
               std::vector<std::string>* unresolved) {
  if (grant && grant->kind == ScopeKind::kAll) return View::all(full, conversations);
  std::unordered_set<core::ConversationId> granted;
  if (grant && grant->kind == ScopeKind::kListed) {
    for (const std::string& name : grant->conversations) {
      auto id = full->find_conversation(name);
      if (id)
        granted.insert(*id);
      else if (unresolved)
        unresolved->push_back(name);
    }
  }
  std::vector<core::Conversation> visible;
  for (const core::Conversation& c : conversations)
    if (c.kind == core::ConversationKind::kPublic || granted.contains(c.id)) visible.push_back(c);
  return View(std::move(visible), full->users());
}

}  // namespace backscroll::server
