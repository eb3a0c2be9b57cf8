#include "query/lexer.h"

#include <cctype>

#include "query/keywords.h"
#include "query/suggest.h"

namespace backscroll::query {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool has_word_char(std::string_view s) {
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}
bool ends_word(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

core::Unexpected error_at(std::size_t column, std::string message, std::string hint = "") {
  core::Error e = core::make_error(core::ErrorCode::kBadQuery, std::move(message));
  e.where.column = column;
  e.hint = std::move(hint);
  return core::Unexpected{std::move(e)};
}

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  core::Result<std::vector<Token>> run() {
    while (true) {
      while (i_ < q_.size() && is_space(q_[i_])) ++i_;
      if (i_ == q_.size()) return std::move(tokens_);
      const std::size_t start = i_;
      const char c = q_[i_];
      if (c == '(' || c == ')') {
        push(c == '(' ? TokenKind::kOpen : TokenKind::kClose, std::string(1, c), start);
        ++i_;
      } else if (c == '"') {
        auto phrase = quoted();
        if (!phrase) return core::Unexpected{phrase.error()};
        push(TokenKind::kPhrase, *phrase, start);
      } else if ((c == '-' || c == '+') && i_ + 1 < q_.size() && !is_space(q_[i_ + 1]) &&
                 q_[i_ + 1] != ')') {
        push(c == '-' ? TokenKind::kMinus : TokenKind::kPlus, std::string(1, c), start);
        ++i_;
      } else if (auto r = word(start); !r) {
        return core::Unexpected{r.error()};
      }
    }
  }

 private:
  void push(TokenKind kind, std::string text, std::size_t offset, std::string keyword = "") {
    tokens_.push_back(Token{kind, std::move(text), std::move(keyword), offset + 1});
  }

  // At a '"': the text up to the closing quote, which is consumed.
  core::Result<std::string> quoted() {
    const std::size_t open = i_++;
    const std::size_t close = q_.find('"', i_);
    if (close == std::string_view::npos)
      return error_at(open + 1, "unterminated quote", "close the phrase with \"");
    std::string text(q_.substr(i_, close - i_));
    i_ = close + 1;
    return text;
  }

  core::Result<void> word(std::size_t start) {
    while (i_ < q_.size() && !ends_word(q_[i_])) ++i_;
    const std::string_view w = q_.substr(start, i_ - start);
    if (w == "AND" || w == "OR" || w == "NOT") {
      push(w == "AND"  ? TokenKind::kAnd
           : w == "OR" ? TokenKind::kOr
                       : TokenKind::kNot,
           std::string(w), start);
      return {};
    }
    const std::size_t colon = w.find(':');
    const Keyword* keyword =
        colon == std::string_view::npos ? nullptr : find_keyword(w.substr(0, colon));
    if (keyword) {
      std::string value(w.substr(colon + 1));
      if (value.empty() && i_ < q_.size() && q_[i_] == '"') {
        auto v = quoted();
        if (!v) return core::Unexpected{v.error()};
        value = *v;
      }
      if (value.empty())
        return error_at(start + 1, std::string(keyword->name) + ": needs a value, e.g. " +
                                       std::string(keyword->example));
      push(TokenKind::kFilter, std::move(value), start, std::string(keyword->name));
      return {};
    }
    if (w.size() > 1 && w.back() == '*' && has_word_char(w.substr(0, w.size() - 1))) {
      push(TokenKind::kWildcard, std::string(w.substr(0, w.size() - 1)), start);
      return {};
    }
    push(TokenKind::kWord, std::string(w), start);
    return {};
  }

  std::string_view q_;
  std::size_t i_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

const Keyword* find_keyword(std::string_view name) {
  const std::string folded = fold_case(name);
  for (const Keyword& k : kKeywords)
    if (k.name == folded) return &k;
  return nullptr;
}

core::Result<std::vector<Token>> tokenize(std::string_view query) { return Lexer(query).run(); }

std::string describe(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case TokenKind::kWord:
        out += "[word " + t.text + "]";
        break;
      case TokenKind::kWildcard:
        out += "[wildcard " + t.text + "*]";
        break;
      case TokenKind::kPhrase:
        out += "[phrase " + t.text + "]";
        break;
      case TokenKind::kFilter:
        out += "[" + t.keyword + ":" + t.text + "]";
        break;
      default:
        out += "[" + t.text + "]";
        break;
    }
  }
  return out;
}

}  // namespace backscroll::query
