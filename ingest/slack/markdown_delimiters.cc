#include "ingest/slack/markdown_delimiters.h"

#include <array>
#include <string_view>
#include <unordered_map>

namespace backscroll::ingest::slack {
namespace {

// Character classes as bits: a set of them says what a character may be.
enum : unsigned { kSpace = 1, kPunct = 2, kOther = 4 };

unsigned classes(char32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return kSpace;
    if ((cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
        (cp >= '{' && cp <= '~'))
      return kPunct;
    return kOther;
  }
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
      cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
    return kSpace;
  return kPunct | kOther;
}

constexpr char32_t kBroken = 0x110000;

// The code point of the UTF-8 sequence at the start of `s` (not empty), or
// kBroken.
char32_t decode(std::string_view s) {
  auto lead = static_cast<unsigned char>(s[0]);
  if (lead < 0x80) return lead;
  std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || s.size() < n) return kBroken;
  char32_t cp = lead & (0x3F >> (n - 1));
  for (std::size_t i = 1; i < n; ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) return kBroken;
    cp = (cp << 6) | (b & 0x3F);
  }
  return cp;
}

unsigned classes_of(char32_t cp) { return cp == kBroken ? kSpace | kPunct | kOther : classes(cp); }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The character before s[pos] as cmark-gfm sees it from a delimiter: for '*'
// and '_' it looks past '~' (the strikethrough extension's character), and the
// start of the line is a line break.
unsigned classes_before(std::string_view s, std::size_t pos, bool skip_tildes) {
  if (pos == 0) return kSpace;
  std::size_t i = pos - 1;
  while (i > 0 && (is_continuation(s[i]) || (skip_tildes && s[i] == '~'))) --i;
  if (skip_tildes && s[i] == '~') return kSpace;
  return classes_of(decode(s.substr(i, pos - i)));
}

// The character at s[pos] as a delimiter before it sees it (past '~' for '*'
// and '_'); the end of the line is a line break or the '\' of a hard break.
unsigned classes_after(std::string_view s, std::size_t pos, bool skip_tildes) {
  while (skip_tildes && pos < s.size() && s[pos] == '~') ++pos;
  if (pos == s.size()) return kSpace | kPunct;
  return classes_of(decode(s.substr(pos)));
}

// CommonMark's flanking rules for one class before (p) and after (n).
bool left_flanking(unsigned p, unsigned n) {
  return n != kSpace && (n != kPunct || p == kSpace || p == kPunct);
}
bool right_flanking(unsigned p, unsigned n) {
  return p != kSpace && (p != kPunct || n == kSpace || n == kPunct);
}
bool can_open(char d, unsigned p, unsigned n) {
  return left_flanking(p, n) && (d != '_' || !right_flanking(p, n) || p == kPunct);
}
bool can_close(char d, unsigned p, unsigned n) {
  return right_flanking(p, n) && (d != '_' || !left_flanking(p, n) || n == kPunct);
}

// Whether `rule` holds for every (any, with `every` false) pair of classes.
template <typename Rule>
bool holds(bool every, unsigned before, unsigned after, Rule rule) {
  for (unsigned p = 1; p <= 4; p <<= 1) {
    for (unsigned n = 1; n <= 4; n <<= 1) {
      if ((before & p) == 0 || (after & n) == 0) continue;
      if (rule(p, n) != every) return !every;
    }
  }
  return every;
}

enum class Style { kText, kUnderscore, kStar, kDoubleStar, kDoubleTilde };

char delimiter_char(Style s) {
  switch (s) {
    case Style::kUnderscore:
      return '_';
    case Style::kStar:
    case Style::kDoubleStar:
      return '*';
    case Style::kDoubleTilde:
      return '~';
    case Style::kText:
      break;
  }
  return '\0';
}

std::string render(Style s, char marker) {
  switch (s) {
    case Style::kUnderscore:
      return "_";
    case Style::kStar:
      return "*";
    case Style::kDoubleStar:
      return "**";
    case Style::kDoubleTilde:
      return "~~";
    case Style::kText:
      break;
  }
  return {'\\', marker};
}

struct PairState {
  std::ptrdiff_t open = -1;  // Slot indices.
  std::ptrdiff_t close = -1;
  Style style = Style::kText;
};

}  // namespace

std::string join_with_delimiters(const std::vector<DelimiterSlot>& all) {
  std::vector<const DelimiterSlot*> slots;
  for (const DelimiterSlot& s : all)
    if (s.is_delimiter || !s.markdown.empty()) slots.push_back(&s);
  const std::size_t n = slots.size();

  std::unordered_map<std::size_t, std::size_t> local;  // Pair id -> index in states.
  std::vector<PairState> states;
  std::vector<std::size_t> state_of(n, 0);
  for (std::size_t j = 0; j < n; ++j) {
    if (!slots[j]->is_delimiter) continue;
    auto [it, added] = local.try_emplace(slots[j]->pair, states.size());
    if (added) states.emplace_back();
    state_of[j] = it->second;
    PairState& st = states[it->second];
    (slots[j]->open ? st.open : st.close) = static_cast<std::ptrdiff_t>(j);
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (!slots[j]->is_delimiter) continue;
    PairState& st = states[state_of[j]];
    if (st.open < 0 || st.close <= st.open) continue;
    char m = slots[j]->marker;
    st.style = m == '*' ? Style::kDoubleStar : m == '_' ? Style::kUnderscore : Style::kDoubleTilde;
  }

  auto live = [&](std::size_t j) {
    return slots[j]->is_delimiter ? delimiter_char(states[state_of[j]].style) : '\0';
  };
  auto rendered = [&](std::size_t j) {
    return slots[j]->is_delimiter ? render(states[state_of[j]].style, slots[j]->marker)
                                  : slots[j]->markdown;
  };

  std::string line;
  std::vector<std::size_t> at(n + 1, 0);  // Where each slot starts in `line`.
  for (bool changed = true; changed;) {
    changed = false;
    line.clear();
    for (std::size_t j = 0; j < n; ++j) {
      at[j] = line.size();
      line += rendered(j);
    }
    at[n] = line.size();
    std::vector<std::pair<std::size_t, char>> open;     // Enclosing pairs and their characters.
    std::array<std::size_t, 3> open_count = {0, 0, 0};  // Of them, by character.
    auto index = [](char c) { return c == '*' ? 0 : c == '_' ? 1 : 2; };
    for (std::size_t j = 0; j < n; ++j) {
      if (!slots[j]->is_delimiter) continue;
      const std::size_t id = state_of[j];
      PairState& st = states[id];
      const char d = delimiter_char(st.style);
      if (d == '\0') continue;
      const bool skip = d != '~';
      const unsigned before = classes_before(line, at[j], skip);
      const unsigned after = classes_after(line, at[j + 1], skip);
      bool ok = (j == 0 || live(j - 1) != d) && (j + 1 == n || live(j + 1) != d);
      auto opens = [d](unsigned p, unsigned q) { return can_open(d, p, q); };
      auto closes = [d](unsigned p, unsigned q) { return can_close(d, p, q); };
      if (slots[j]->open) {
        ok = ok && holds(true, before, after, opens);
        if (open_count[index(d)] > 0) ok = ok && !holds(false, before, after, closes);
      } else {
        ok = ok && holds(true, before, after, closes);
      }
      for (std::size_t k = open.size(); k-- > 0;) {
        if (open[k].first == id) {
          --open_count[index(open[k].second)];
          open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
          break;
        }
      }
      if (!ok) {
        st.style = st.style == Style::kUnderscore ? Style::kStar : Style::kText;
        changed = true;
      } else if (slots[j]->open) {
        open.emplace_back(id, d);
        ++open_count[index(d)];
      }
    }
  }

  std::string out;
  for (std::size_t j = 0; j < n; ++j) {
    std::string s = rendered(j);
    if (!slots[j]->is_delimiter && s.front() == '[' && !out.empty() && out.back() == '!')
      out.insert(out.size() - 1, 1, '\\');
    out += s;
  }
  return out;
}

}  // namespace backscroll::ingest::slack
