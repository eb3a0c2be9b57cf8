#include "ingest/slack/markup_markdown.h"

#include <algorithm>
#include <array>

#include "ingest/slack/markdown_inline.h"
#include "ingest/slack/markdown_text.h"

namespace backscroll::ingest::slack {
namespace {

enum class Kind { kParagraph, kBullet, kOrdered, kCode };

// Writes blocks line by line: hard breaks between the lines of a paragraph, a
// blank line (">" inside a quote) between blocks, at most one blank line.
class Writer {
 public:
  // A blank line of the input.
  void blank(bool quoted) {
    if (!started_) return;
    pending_ = true;
    pending_unquoted_ = pending_unquoted_ || !quoted;
  }

  void paragraph(bool quoted, std::string_view text) {
    start(quoted, Kind::kParagraph);
    prefix(quoted, text.empty());
    out_ += text;
  }

  // A list item; bullets nest at most one level deeper than the item before. An
  // empty item does not nest: under an item, "  -" would underline it as a heading.
  void bullet(bool quoted, int level, std::string_view text) {
    bool continues = started_ && !pending_ && kind_ == Kind::kBullet && quoted_ == quoted;
    level_ = continues && !text.empty() ? std::min(level, level_ + 1) : 0;
    start(quoted, Kind::kBullet);
    prefix(quoted, false);
    out_.append(2 * static_cast<std::size_t>(level_), ' ');
    item_indent_ = 2 * static_cast<std::size_t>(level_) + 2;
    out_ += '-';
    if (!text.empty()) out_ += ' ';
    out_ += text;
  }

  void ordered(bool quoted, std::string_view number, std::string_view text) {
    start(quoted, Kind::kOrdered);
    prefix(quoted, false);
    out_ += number;
    item_indent_ = number.size() + 2;
    out_ += '.';
    if (!text.empty()) out_ += ' ';
    out_ += text;
  }

  // A line indented under the list item right before it ("    a. nested"):
  // part of that item, after a hard break. False (nothing written) when the
  // line before is not a list item.
  bool item_continuation(bool quoted, std::string_view text) {
    if (!started_ || pending_ || quoted != quoted_ ||
        (kind_ != Kind::kBullet && kind_ != Kind::kOrdered))
      return false;
    out_ += "\\\n";
    prefix(quoted, false);
    out_.append(item_indent_, ' ');
    out_ += text;
    return true;
  }

  void code(bool quoted, std::string_view language, std::string_view code) {
    start(quoted, Kind::kCode);
    const std::string fence = code_fence(code, 3);
    prefix(quoted, false);
    out_ += fence;
    out_ += language;
    std::size_t from = 0;
    while (from <= code.size() && !code.empty()) {
      std::size_t eol = std::min(code.find('\n', from), code.size());
      std::string_view line = code.substr(from, eol - from);
      out_ += '\n';
      prefix(quoted, line.empty());
      out_ += line;
      from = eol + 1;
    }
    out_ += '\n';
    prefix(quoted, false);
    out_ += fence;
  }

  std::string take() { return std::move(out_); }

 private:
  // Ends the line before, with what separates it from a line of `kind`.
  void start(bool quoted, Kind kind) {
    if (started_) {
      if (!pending_ && kind == kind_ && quoted == quoted_ && kind != Kind::kCode) {
        if (kind == Kind::kParagraph) out_ += '\\';
        out_ += '\n';
      } else {
        out_ += quoted && quoted_ && !pending_unquoted_ ? "\n>\n" : "\n\n";
      }
    }
    started_ = true;
    pending_ = false;
    pending_unquoted_ = false;
    kind_ = kind;
    quoted_ = quoted;
  }

  void prefix(bool quoted, bool empty_line) {
    if (quoted) out_ += empty_line ? ">" : "> ";
  }

  std::string out_;
  bool started_ = false;
  bool pending_ = false;           // A blank line since the last line.
  bool pending_unquoted_ = false;  // One of them outside a quote.
  Kind kind_ = Kind::kParagraph;
  bool quoted_ = false;
  int level_ = 0;
  std::size_t item_indent_ = 0;  // Where the content of the last list item starts.
};

constexpr std::string_view kQuote = "&gt;";
constexpr std::string_view kQuoteRest = "&gt;&gt;&gt;";

bool is_language_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_+#.-").find(c) != std::string_view::npos;
}

// A closed ``` block: the positions of its opening and closing fences.
struct CodeBlock {
  std::size_t open = std::string_view::npos;
  std::size_t close = std::string_view::npos;
};

CodeBlock next_block(std::string_view masked, std::size_t from) {
  std::size_t open = masked.find("```", from);
  if (open == std::string_view::npos) return {};
  std::size_t close = masked.find("```", open + 3);
  if (close == std::string_view::npos) return {};  // Unclosed: text.
  return {open, close};
}

void write_block(std::string_view text, const InlineMarkdown& in, CodeBlock block, bool quoted,
                 Writer& w) {
  std::size_t b = block.open + 3;
  std::string_view body = text.substr(b, block.close - b);
  std::size_t word = 0;
  while (word < body.size() && word < 32 && is_language_char(body[word])) ++word;
  std::string_view language;
  if (word > 0 && word < body.size() && body[word] == '\n') {
    language = body.substr(0, word);
    b += word + 1;
  } else if (body.starts_with('\n')) {
    b += 1;
  } else if (body.starts_with("\r\n")) {
    b += 2;
  }
  std::string raw = in.code(b, block.close);
  std::string code;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\r') {
      code += raw[i];
    } else if (i + 1 == raw.size() || raw[i + 1] != '\n') {
      code += '\n';
    }
  }
  if (code.ends_with('\n')) code.pop_back();
  w.code(quoted, language, code);
}

// The list item at the start of text[b, e): a bullet's nesting level (-1: not a
// bullet) or an ordered item's number, and where its content starts.
struct ListItem {
  int level = -1;
  std::string_view number;
  std::size_t content = 0;
};

ListItem list_item(std::string_view text, std::size_t b, std::size_t e) {
  ListItem item;
  std::size_t p = b;
  int columns = 0;
  while (p < e && (text[p] == ' ' || text[p] == '\t')) columns += text[p++] == '\t' ? 2 : 1;
  std::string_view rest = text.substr(p, e - p);
  static constexpr std::array<std::string_view, 5> kBullets = {"\xE2\x80\xA2 ", "\xE2\x97\xA6 ",
                                                               "\xE2\x96\xAA ", "- ", "* "};
  for (std::string_view bullet : kBullets) {
    if (rest.starts_with(bullet)) {
      item.level = columns / 2;
      item.content = p + bullet.size();
      return item;
    }
  }
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits > 0 && rest.substr(digits).starts_with(". ")) {
    item.number = rest.substr(0, digits);
    item.content = p + digits + 2;
  }
  return item;
}

void write_line(std::string_view text, const InlineMarkdown& in, std::size_t b, std::size_t e,
                bool line_start, bool whole_line, bool quoted, Writer& w) {
  ListItem item = line_start ? list_item(text, b, e) : ListItem{};
  std::size_t content = b;
  while (content < e && (text[content] == ' ' || text[content] == '\t')) ++content;
  if (item.level < 0 && item.number.empty() && line_start && content - b >= 2 && content < e &&
      w.item_continuation(quoted, in.line(content, e)))
    return;
  if (item.level >= 0) {
    w.bullet(quoted, item.level, in.line(item.content, e));
  } else if (!item.number.empty()) {
    w.ordered(quoted, item.number, in.line(item.content, e));
  } else if (std::string md = in.line(b, e); !md.empty()) {
    w.paragraph(quoted, md);
  } else if (whole_line) {
    w.blank(quoted);
  }
}

}  // namespace

std::string mrkdwn_to_markdown(std::string_view mrkdwn, const NameDirectory& names) {
  const InlineMarkdown in(mrkdwn, names);
  const std::string_view masked = in.masked();
  const std::size_t n = mrkdwn.size();
  Writer w;
  bool quote_rest = false;  // After "&gt;&gt;&gt;": everything is quoted.
  bool quoted = false;
  bool line_start = true;
  CodeBlock block = next_block(masked, 0);
  std::size_t pos = 0;
  while (true) {
    if (line_start) {
      std::string_view rest = mrkdwn.substr(pos);
      std::size_t marker = rest.starts_with(kQuoteRest) ? kQuoteRest.size()
                           : rest.starts_with(kQuote)   ? kQuote.size()
                                                        : 0;
      quote_rest = quote_rest || marker == kQuoteRest.size();
      quoted = quote_rest || marker > 0;
      pos += marker;
      if (marker > 0 && pos < n && mrkdwn[pos] == ' ') ++pos;
    }
    const std::size_t eol = std::min(masked.find('\n', pos), n);
    if (block.open < eol) {
      write_line(mrkdwn, in, pos, block.open, line_start, false, quoted, w);
      write_block(mrkdwn, in, block, quoted, w);
      pos = block.close + 3;
      line_start = false;
      block = next_block(masked, pos);
      continue;
    }
    write_line(mrkdwn, in, pos, eol, line_start, line_start, quoted, w);
    if (eol == n) break;
    pos = eol + 1;
    line_start = true;
  }
  return w.take();
}

std::string plain_to_markdown(std::string_view text) {
  const InlineMarkdown in(text);
  Writer w;
  std::size_t pos = 0;
  while (true) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    if (std::string md = in.line(pos, eol); !md.empty()) {
      w.paragraph(false, md);
    } else {
      w.blank(false);
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  return w.take();
}

std::string markdown_link(std::string_view label_markdown, std::string_view url) {
  std::string out = "[";
  out += label_markdown;
  out += "](";
  append_link_destination(url, out);
  out += ')';
  return out;
}

}  // namespace backscroll::ingest::slack
