#include "query/query_split.h"

#include "query/field_processors.h"

namespace backscroll::query {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Item {
  std::string_view text;
  std::size_t offset;
  int depth;  // Parenthesis depth at the item's start.
};

std::vector<Item> split_items(std::string_view q) {
  std::vector<Item> items;
  std::size_t i = 0;
  int depth = 0;
  while (i < q.size()) {
    while (i < q.size() && is_space(q[i])) ++i;
    if (i == q.size()) break;
    const std::size_t start = i;
    const int start_depth = depth;
    bool quoted = false;
    while (i < q.size() && (quoted || !is_space(q[i]))) {
      if (q[i] == '"') quoted = !quoted;
      if (!quoted && q[i] == '(') ++depth;
      if (!quoted && q[i] == ')' && depth > 0) --depth;
      ++i;
    }
    items.push_back({q.substr(start, i - start), start, start_depth});
  }
  return items;
}

}  // namespace

core::Result<SplitQuery> split_query(std::string_view query) {
  std::vector<Item> items = split_items(query);
  if (items.empty())
    return core::fail(core::ErrorCode::kBadQuery, "empty query: give words or filters");
  SplitQuery split;
  for (const Item& item : items) {
    std::string_view t = item.text;
    const bool negated = t.starts_with('-');
    if (negated || t.starts_with('+')) t.remove_prefix(1);
    const std::size_t colon = t.find(':');
    const Keyword* keyword =
        colon == std::string_view::npos ? nullptr : find_keyword(t.substr(0, colon));
    if (keyword && colon + 1 == t.size()) {
      core::Error error = core::make_error(
          core::ErrorCode::kBadQuery,
          std::string(keyword->name) + ": needs a value, e.g. " + std::string(keyword->example));
      error.where.column = item.offset + 1;
      return core::Unexpected{std::move(error)};
    }
    if (!keyword || item.depth > 0 || t.find_first_of("()") != std::string_view::npos) {
      split.text.emplace_back(item.text);
      continue;
    }
    std::string_view value = t.substr(colon + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    split.filters.push_back(
        Filter{std::string(keyword->name), std::string(value), negated, item.offset + 1});
  }
  return split;
}

std::string describe(const SplitQuery& split) {
  std::string out = "text:";
  for (const std::string& t : split.text) out += " [" + t + "]";
  out += " filters:";
  for (const Filter& f : split.filters)
    out += " " + std::string(f.negated ? "-" : "") + f.keyword + ":" + f.value;
  return out;
}

}  // namespace backscroll::query
