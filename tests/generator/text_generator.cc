#include "tests/generator/text_generator.h"

#include <algorithm>

#include "tests/generator/vocabulary.h"

namespace backscroll::generator {
namespace {

constexpr std::string_view kUnicodeEmoji[] = {"🎉", "🔥", "👀", "✅", "🙏", "😅", "🚀", "☕"};

// Appends text with the given style, merging into the previous leaf when the
// style is the same (Slack emits one leaf per style run).
void push_text(std::vector<Inline>& out, std::string_view text, const Inline& style) {
  if (text.empty()) return;
  if (!out.empty()) {
    Inline& last = out.back();
    if (last.kind == Inline::Kind::kText && last.bold == style.bold &&
        last.italic == style.italic && last.code == style.code) {
      last.text += text;
      return;
    }
  }
  Inline in = style;
  in.kind = Inline::Kind::kText;
  in.text = std::string(text);
  out.push_back(std::move(in));
}

std::span<const std::string_view> templates_for(Language lang, bool ops) {
  switch (lang) {
    case Language::kGerman:
      return vocab::german();
    case Language::kJapanese:
      return vocab::japanese();
    case Language::kChinese:
      return vocab::chinese();
    case Language::kEnglish:
      break;
  }
  return ops ? vocab::english_ops() : vocab::english_chat();
}

}  // namespace

TextGenerator::TextGenerator(const Workspace& ws, const Conversation& conversation)
    : ws_(ws), conv_(conversation) {
  for (int m : conv_.members) {
    if (!ws_.users[m].is_bot) posters_.push_back(m);
  }
  if (posters_.empty()) posters_ = ws_.humans;
  for (std::size_t i = 0; i < ws_.conversations.size(); ++i) {
    if (ws_.conversations[i].kind == ConversationKind::kChannel) {
      channels_.push_back(static_cast<int>(i));
    }
  }
}

int TextGenerator::member(Rng& rng) const { return posters_[rng.skewed(posters_.size())]; }

std::string TextGenerator::host(Rng& rng) const {
  static constexpr std::string_view kEnvs[] = {"prod", "prod", "prod", "staging", "dev"};
  return std::string(rng.pick(vocab::host_roles())) + std::to_string(1 + rng.skewed(400)) + "." +
         std::string(rng.pick(kEnvs)) + ".example.com";
}

std::string TextGenerator::service(Rng& rng) const {
  return std::string(vocab::services()[rng.skewed(vocab::services().size())]);
}

std::string TextGenerator::ticket(Rng& rng) const {
  return std::string(rng.pick(vocab::ticket_projects())) + "-" +
         std::to_string(1 + rng.skewed(9999));
}

std::string TextGenerator::hash(Rng& rng) const {
  return rng.chars(rng.percent(75) ? 7 : 40, kHex);
}

std::string TextGenerator::version(Rng& rng) const {
  return "v" + std::to_string(rng.between(1, 4)) + "." + std::to_string(rng.between(0, 30)) + "." +
         std::to_string(rng.between(0, 12));
}

std::string TextGenerator::ip(Rng& rng) const {
  return "10." + std::to_string(rng.between(0, 255)) + "." + std::to_string(rng.between(0, 255)) +
         "." + std::to_string(rng.between(1, 254));
}

std::string TextGenerator::token(Rng& rng) const {
  switch (rng.below(6)) {
    case 0:
      return host(rng);
    case 1:
      return ticket(rng);
    case 2:
      return rng.chars(7, kHex);
    case 3:
      return version(rng);
    case 4:
      return ip(rng);
    default:
      return std::to_string(rng.between(2, 9999));
  }
}

std::string TextGenerator::words(Rng& rng, int min, int max) const {
  int n = static_cast<int>(rng.between(min, max));
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i > 0) s += ' ';
    if (rng.percent(3)) {
      s += token(rng);
    } else {
      s += ws_.lexicon.draw(rng);
    }
  }
  return s;
}

void TextGenerator::placeholder(Rng& rng, std::string_view name, const Inline& style,
                                std::vector<Inline>& out) {
  Inline in;
  if (name == "user") {
    in.kind = Inline::Kind::kUser;
    in.target = ws_.users[member(rng)].id;
  } else if (name == "channel") {
    const Conversation& c = ws_.conversations[channels_[rng.below(channels_.size())]];
    in.kind = Inline::Kind::kChannel;
    in.target = c.id;
    in.text = c.name;
  } else if (name == "link") {
    in.kind = Inline::Kind::kLink;
    switch (rng.below(4)) {
      case 0:
        in.target = "https://github.com/acme/" + service(rng) + "/pull/" +
                    std::to_string(rng.between(100, 9999));
        break;
      case 1:
        in.target = "https://acme.atlassian.net/browse/" + ticket(rng);
        break;
      case 2:
        in.target = "https://grafana.example.com/d/" + rng.chars(9, kAlnum) + "/" + service(rng) +
                    "?orgId=1&from=now-6h";
        break;
      default:
        in.target = "https://wiki.example.com/display/ENG/" + service(rng) + "+runbook";
    }
    if (rng.percent(80)) in.text = rng.pick(vocab::link_labels());
  } else if (name == "emoji") {
    const auto& e = rng.pick(vocab::emoji());
    in.kind = Inline::Kind::kEmoji;
    in.text = e.name;
    in.target = e.unicode;
  } else if (name == "here") {
    in.kind = Inline::Kind::kBroadcast;
    in.text = rng.percent(80) ? "here" : "channel";
  } else {
    std::string text;
    if (name == "host")
      text = host(rng);
    else if (name == "service")
      text = service(rng);
    else if (name == "ticket")
      text = ticket(rng);
    else if (name == "hash")
      text = hash(rng);
    else if (name == "ip")
      text = ip(rng);
    else if (name == "error")
      text = rng.pick(vocab::errors());
    else if (name == "num")
      text = std::to_string(rng.between(1, 99));
    else if (name == "pct")
      text = std::to_string(rng.between(80, 100));
    else if (name == "version")
      text = version(rng);
    else if (name == "metric")
      text = rng.pick(vocab::metrics());
    else if (name == "word")
      text = ws_.lexicon.draw(rng);
    else if (name == "words")
      text = words(rng, 3, 9);
    else
      text = "{" + std::string(name) + "}";  // Unknown: left verbatim.
    push_text(out, text, style);
    return;
  }
  out.push_back(std::move(in));
}

void TextGenerator::expand(Rng& rng, std::string_view tmpl, std::vector<Inline>& out) {
  Inline style;
  std::size_t start = 0;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    char c = tmpl[i];
    if (c != '{' && c != '*' && c != '`' && c != '~') continue;
    push_text(out, tmpl.substr(start, i - start), style);
    if (c == '{') {
      std::size_t end = tmpl.find('}', i);
      placeholder(rng, tmpl.substr(i + 1, end - i - 1), style, out);
      i = end;
    } else if (c == '*') {
      style.bold = !style.bold;
    } else if (c == '`') {
      style.code = !style.code;
    } else {
      style.italic = !style.italic;
    }
    start = i + 1;
  }
  push_text(out, tmpl.substr(start), style);
}

std::string TextGenerator::plain(Rng& rng, std::string_view tmpl) {
  std::vector<Inline> inlines;
  expand(rng, tmpl, inlines);
  std::string s;
  for (const auto& in : inlines) {
    switch (in.kind) {
      case Inline::Kind::kUser:
        s += "@" + ws_.users[member(rng)].name;
        break;
      case Inline::Kind::kChannel:
        s += "#" + in.text;
        break;
      case Inline::Kind::kLink:
        s += in.target;
        break;
      case Inline::Kind::kEmoji:
        s += ":" + in.text + ":";
        break;
      case Inline::Kind::kBroadcast:
        s += "@" + in.text;
        break;
      case Inline::Kind::kText:
        s += in.text;
        break;
    }
  }
  return s;
}

std::vector<Inline> TextGenerator::sentences(Rng& rng, int count) {
  std::vector<Inline> out;
  const bool ops_channel = conv_.flavor != Flavor::kChat;
  for (int i = 0; i < count; ++i) {
    auto lang = static_cast<Language>(rng.weighted(conv_.language_weights));
    bool ops = ops_channel ? rng.percent(80) : rng.percent(40);
    if (i > 0) push_text(out, " ", Inline{});
    if (lang == Language::kEnglish && rng.percent(ops ? 45 : 65)) {
      std::string plain_words = words(rng, 3, 12);
      if (plain_words[0] >= 'a' && plain_words[0] <= 'z') plain_words[0] -= 'a' - 'A';
      push_text(out, plain_words, Inline{});
    } else {
      expand(rng, rng.pick(templates_for(lang, ops)), out);
    }
    if (rng.percent(5))
      push_text(out, std::string(" ") + std::string(rng.pick(kUnicodeEmoji)), Inline{});
  }
  return out;
}

RichText TextGenerator::message(Rng& rng) {
  RichText rt;
  int paragraphs = rng.percent(93) ? 1 : rng.percent(80) ? 2 : 3;
  if (rng.percent(2)) {
    Paragraph q;
    q.kind = Paragraph::Kind::kQuote;
    q.inlines = sentences(rng, 1);
    rt.paragraphs.push_back(std::move(q));
  }
  for (int i = 0; i < paragraphs; ++i) {
    Paragraph p;
    p.inlines = sentences(rng, rng.percent(85) ? 1 : 2);
    rt.paragraphs.push_back(std::move(p));
  }
  if (rng.percent(4)) {
    Paragraph code;
    code.kind = Paragraph::Kind::kPreformatted;
    code.code = plain(rng, rng.pick(vocab::code_blocks()));
    rt.paragraphs.push_back(std::move(code));
  } else if (rng.percent(2)) {
    Paragraph list;
    list.kind = Paragraph::Kind::kList;
    int items = static_cast<int>(rng.between(2, 4));
    for (int i = 0; i < items; ++i) list.items.push_back(sentences(rng, 1));
    rt.paragraphs.push_back(std::move(list));
  }
  return rt;
}

RichText TextGenerator::reply(Rng& rng) {
  if (rng.percent(15)) return message(rng);
  RichText rt;
  Paragraph p;
  auto lang = static_cast<Language>(rng.weighted(conv_.language_weights));
  std::string_view tmpl = lang == Language::kEnglish ? rng.pick(vocab::english_replies())
                                                     : rng.pick(templates_for(lang, false));
  expand(rng, tmpl, p.inlines);
  rt.paragraphs.push_back(std::move(p));
  return rt;
}

}  // namespace backscroll::generator
