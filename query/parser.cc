#include "query/parser.h"

#include <chrono>
#include <map>
#include <optional>

#include "index/xapian_error.h"
#include "query/directory.h"
#include "query/free_text.h"
#include "query/keywords.h"
#include "query/lexer.h"
#include "query/syntax_tree.h"

namespace backscroll::query {
namespace {

// A compiled node: its query, and whether it ranks (has words). An empty
// query means the node had nothing indexable ("***") and is left out.
struct Compiled {
  Xapian::Query query;
  bool scoring = false;
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& queries) {
  return queries.size() == 1 ? queries.front() : Xapian::Query(op, queries.begin(), queries.end());
}

core::Unexpected at_column(core::Error error, std::size_t column) {
  if (!error.where.column) error.where.column = column;
  return core::Unexpected{std::move(error)};
}

class Compiler {
 public:
  Compiler(const FilterContext& context, FreeText& free_text, ParsedQuery& out)
      : context_(context), free_text_(free_text), out_(out) {}

  core::Result<Compiled> compile(const Node& node) {
    switch (node.kind) {
      case NodeKind::kAnd:
        return compile_and(node);
      case NodeKind::kOr:
        return compile_or(node);
      case NodeKind::kNot: {
        auto operand = compile(node.children.front());
        if (!operand) return operand;
        if (operand->query.empty()) return Compiled{};
        return Compiled{
            Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, operand->query),
            false};
      }
      case NodeKind::kFilter: {
        auto f = resolve_filter(node.keyword, node.text, context_);
        if (!f) return at_column(f.error(), node.column);
        out_.resolved.push_back(f->explanation);
        return Compiled{f->query, false};
      }
      case NodeKind::kWildcard: {
        auto q = free_text_.wildcard(node.text, position_);
        if (!q) return at_column(q.error(), node.column);
        return leaf(node, *q);
      }
      case NodeKind::kWord:
        return leaf(node, free_text_.word(node.text, position_));
      case NodeKind::kPhrase:
        return leaf(node, free_text_.phrase(node.text, position_));
    }
    return core::fail(core::ErrorCode::kInternal, "unknown query node");
  }

 private:
  Compiled leaf(const Node& node, Xapian::Query q) {
    out_.resolved.push_back(
        describe(node) + " -> " +
        (q.empty() ? std::string("(nothing to search for)") : q.get_description()));
    const bool scoring = !q.empty();
    return Compiled{std::move(q), scoring};
  }

  core::Result<Compiled> compile_and(const Node& node) {
    std::vector<Xapian::Query> scoring, negated;
    std::vector<std::string> filter_order;  // Keywords in order of first use.
    std::map<std::string, std::vector<Xapian::Query>> filters;
    for (const Node& child : node.children) {
      const bool is_not = child.kind == NodeKind::kNot;
      auto c = compile(is_not ? child.children.front() : child);
      if (!c) return c;
      if (c->query.empty()) continue;
      if (is_not) {
        negated.push_back(c->query);
      } else if (c->scoring) {
        scoring.push_back(c->query);
      } else {
        // Repeats of in:/from:/with: OR together; other filters each on their own.
        std::string key = child.kind == NodeKind::kFilter ? child.keyword : "";
        const Keyword* k = key.empty() ? nullptr : find_keyword(key);
        if (!k || !k->repeats_or) key = std::to_string(filters.size());  // Its own group.
        if (!filters.contains(key)) filter_order.push_back(key);
        filters[key].push_back(c->query);
      }
    }
    if (scoring.empty() && filters.empty() && negated.empty()) return Compiled{};
    std::vector<Xapian::Query> filter_groups;
    for (const std::string& key : filter_order)
      filter_groups.push_back(combine(Xapian::Query::OP_OR, filters[key]));
    Xapian::Query q;
    if (!scoring.empty()) {
      q = combine(Xapian::Query::OP_AND, scoring);
      if (!filter_groups.empty())
        q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                          combine(Xapian::Query::OP_AND, filter_groups));
    } else if (!filter_groups.empty()) {
      q = combine(Xapian::Query::OP_AND, filter_groups);
    } else {
      q = Xapian::Query::MatchAll;
    }
    if (!negated.empty())
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, combine(Xapian::Query::OP_OR, negated));
    return Compiled{q, !scoring.empty()};
  }

  core::Result<Compiled> compile_or(const Node& node) {
    std::vector<Xapian::Query> parts;
    bool scoring = false;
    for (const Node& child : node.children) {
      auto c = compile(child);
      if (!c) return c;
      if (c->query.empty()) continue;
      scoring = scoring || c->scoring;
      parts.push_back(c->scoring ? c->query
                                 : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, c->query, 0));
    }
    if (parts.empty()) return Compiled{};
    if (parts.size() == 1) return Compiled{parts.front(), scoring};
    return Compiled{Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), scoring};
  }

  const FilterContext& context_;
  FreeText& free_text_;
  ParsedQuery& out_;
  Xapian::termpos position_ = 0;
};

}  // namespace

core::Result<ParsedQuery> parse_query(std::string_view text, const FilterContext& context,
                                      FreeText& free_text) {
  auto tokens = tokenize(text);
  if (!tokens) return core::Unexpected{tokens.error()};
  ParsedQuery out;
  out.tokens = describe(*tokens);
  auto tree = parse_tokens(*tokens);
  if (!tree) return core::Unexpected{tree.error()};
  out.syntax = describe(*tree);
  try {
    auto compiled = Compiler(context, free_text, out).compile(*tree);
    if (!compiled) return core::Unexpected{compiled.error()};
    if (compiled->query.empty())
      return core::fail(core::ErrorCode::kBadQuery,
                        "query has nothing to search for: \"" + std::string(text) + "\"");
    out.query = std::move(compiled->query);
    out.has_words = compiled->scoring;
  } catch (const Xapian::Error& e) {
    return core::Unexpected{index::translate_xapian_error(e, "looking up names in the index")};
  }
  return out;
}

core::Result<ParsedQuery> parse_query(std::string_view text, const Directory& directory) {
  static thread_local FreeText free_text;
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return parse_query(text, FilterContext{directory, now, nullptr}, free_text);
}

}  // namespace backscroll::query
