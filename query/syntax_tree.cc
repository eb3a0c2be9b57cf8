#include "query/syntax_tree.h"

namespace backscroll::query {
namespace {

core::Unexpected error_at(std::size_t column, std::string message, std::string hint = "") {
  core::Error e = core::make_error(core::ErrorCode::kBadQuery, std::move(message));
  e.where.column = column;
  e.hint = std::move(hint);
  return core::Unexpected{std::move(e)};
}

constexpr const char* kOperatorHint =
    "AND, OR and NOT need something on both sides; write them in lower case to search for them";

class SyntaxParser {
 public:
  explicit SyntaxParser(const std::vector<Token>& tokens) : t_(tokens) {}

  core::Result<Node> run() {
    if (t_.empty())
      return core::fail(core::ErrorCode::kBadQuery, "empty query: give words or filters");
    auto node = parse_or();
    if (!node) return node;
    if (i_ < t_.size())  // Only a ')' can stop parse_or early.
      return error_at(t_[i_].column, "unmatched ')'", "remove it or add a '(' before it");
    return node;
  }

 private:
  bool at(TokenKind kind) const { return i_ < t_.size() && t_[i_].kind == kind; }
  std::size_t end_column() const {
    return t_.empty() ? 1 : t_.back().column + t_.back().text.size();
  }
  std::size_t column_here() const { return i_ < t_.size() ? t_[i_].column : end_column(); }
  // True when the next token can start an operand.
  bool at_operand() const {
    return i_ < t_.size() && !at(TokenKind::kClose) && !at(TokenKind::kOr) && !at(TokenKind::kAnd);
  }

  static Node group(NodeKind kind, std::vector<Node> children) {
    if (children.size() == 1) return std::move(children.front());
    Node n{kind, "", "", children.front().column, {}};
    n.children = std::move(children);
    return n;
  }

  core::Result<Node> parse_or() {
    std::vector<Node> items;
    auto first = parse_and();
    if (!first) return first;
    items.push_back(std::move(*first));
    while (at(TokenKind::kOr)) {
      const Token& op = t_[i_++];
      if (!at_operand())
        return error_at(op.column, "OR needs something on both sides", kOperatorHint);
      auto next = parse_and();
      if (!next) return next;
      items.push_back(std::move(*next));
    }
    return group(NodeKind::kOr, std::move(items));
  }

  core::Result<Node> parse_and() {
    std::vector<Node> items;
    if (!at_operand()) {
      if (at(TokenKind::kOr) || at(TokenKind::kAnd))
        return error_at(t_[i_].column, t_[i_].text + " needs something on both sides",
                        kOperatorHint);
      return error_at(column_here(), at(TokenKind::kClose) ? "empty parentheses" : "missing term",
                      "");
    }
    while (true) {
      if (at(TokenKind::kAnd)) {
        const Token& op = t_[i_++];
        if (!at_operand())
          return error_at(op.column, "AND needs something on both sides", kOperatorHint);
      }
      if (!at_operand()) break;
      auto item = parse_unary();
      if (!item) return item;
      items.push_back(std::move(*item));
    }
    return group(NodeKind::kAnd, std::move(items));
  }

  core::Result<Node> parse_unary() {
    if (at(TokenKind::kNot) || at(TokenKind::kMinus)) {
      const Token& op = t_[i_++];
      if (!at_operand())
        return error_at(op.column, op.text + " needs something after it",
                        op.kind == TokenKind::kNot ? kOperatorHint : "");
      auto operand = parse_unary();
      if (!operand) return operand;
      Node n{NodeKind::kNot, "", "", op.column, {}};
      n.children.push_back(std::move(*operand));
      return n;
    }
    if (at(TokenKind::kPlus)) {
      ++i_;
      if (!at_operand()) return error_at(t_[i_ - 1].column, "+ needs something after it");
      return parse_unary();
    }
    return parse_primary();
  }

  core::Result<Node> parse_primary() {
    const Token& t = t_[i_++];
    switch (t.kind) {
      case TokenKind::kOpen: {
        auto inner = parse_or();
        if (!inner) return inner;
        if (!at(TokenKind::kClose)) return error_at(t.column, "unmatched '('", "close it with ')'");
        ++i_;
        return inner;
      }
      case TokenKind::kWord:
        return Node{NodeKind::kWord, t.text, "", t.column, {}};
      case TokenKind::kWildcard:
        return Node{NodeKind::kWildcard, t.text, "", t.column, {}};
      case TokenKind::kPhrase:
        return Node{NodeKind::kPhrase, t.text, "", t.column, {}};
      case TokenKind::kFilter:
        return Node{NodeKind::kFilter, t.text, t.keyword, t.column, {}};
      default:
        return error_at(t.column, "unexpected " + t.text);
    }
  }

  const std::vector<Token>& t_;
  std::size_t i_ = 0;
};

bool is_binary(const std::vector<Token>& t, std::size_t i) {
  return i < t.size() && (t[i].kind == TokenKind::kAnd || t[i].kind == TokenKind::kOr);
}

// Splits off the top-level modifier filters (see the header) into `hoisted`
// (each a token range), leaving the other tokens in `rest`.
void hoist(const std::vector<Token>& t, std::vector<Token>& rest,
           std::vector<std::vector<Token>>& hoisted) {
  int depth = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t last = i;  // The unit: prefix operators, then one token.
    while (last + 1 < t.size() &&
           (t[last].kind == TokenKind::kMinus || t[last].kind == TokenKind::kNot ||
            t[last].kind == TokenKind::kPlus))
      ++last;
    const bool filter = depth == 0 && t[last].kind == TokenKind::kFilter &&
                        !(i > 0 && is_binary(t, i - 1)) && !is_binary(t, last + 1);
    if (filter) {
      hoisted.emplace_back(t.begin() + i, t.begin() + last + 1);
    } else {
      for (std::size_t j = i; j <= last; ++j) {
        if (t[j].kind == TokenKind::kOpen) ++depth;
        if (t[j].kind == TokenKind::kClose && depth > 0) --depth;
        rest.push_back(t[j]);
      }
    }
    i = last + 1;
  }
}

}  // namespace

core::Result<Node> parse_tokens(const std::vector<Token>& tokens) {
  std::vector<Token> rest;
  std::vector<std::vector<Token>> hoisted;
  hoist(tokens, rest, hoisted);
  std::vector<Node> items;
  if (!rest.empty() || hoisted.empty()) {
    auto node = SyntaxParser(rest).run();
    if (!node) return node;
    if (node->kind == NodeKind::kAnd)
      items = std::move(node->children);
    else
      items.push_back(std::move(*node));
  }
  for (const std::vector<Token>& filter : hoisted) {
    auto node = SyntaxParser(filter).run();
    if (!node) return node;
    items.push_back(std::move(*node));
  }
  if (items.size() == 1) return std::move(items.front());
  Node n{NodeKind::kAnd, "", "", items.front().column, {}};
  n.children = std::move(items);
  return n;
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case NodeKind::kWord:
      return node.text;
    case NodeKind::kWildcard:
      return node.text + "*";
    case NodeKind::kPhrase:
      return "\"" + node.text + "\"";
    case NodeKind::kFilter:
      return node.keyword + ":" + node.text;
    default:
      break;
  }
  std::string out = node.kind == NodeKind::kAnd  ? "(AND"
                    : node.kind == NodeKind::kOr ? "(OR"
                                                 : "(NOT";
  for (const Node& c : node.children) {
    out += ' ';
    out += describe(c);
  }
  out += ')';
  return out;
}

}  // namespace backscroll::query
