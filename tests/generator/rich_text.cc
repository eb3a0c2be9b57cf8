#include "tests/generator/rich_text.h"

namespace backscroll::generator {
namespace {

void append_inline_mrkdwn(std::string& out, const Inline& in) {
  switch (in.kind) {
    case Inline::Kind::kText: {
      const char* mark = in.code ? "`" : in.bold ? "*" : in.italic ? "_" : "";
      out += mark;
      append_escaped(out, in.text);
      out += mark;
      break;
    }
    case Inline::Kind::kUser:
      out += "<@" + in.target + ">";
      break;
    case Inline::Kind::kChannel:
      out += "<#" + in.target + "|" + in.text + ">";
      break;
    case Inline::Kind::kLink:
      out += '<';
      append_escaped(out, in.target);
      if (!in.text.empty()) {
        out += '|';
        append_escaped(out, in.text);
      }
      out += '>';
      break;
    case Inline::Kind::kEmoji:
      out += ":" + in.text + ":";
      break;
    case Inline::Kind::kBroadcast:
      out += "<!" + in.text + ">";
      break;
  }
}

void append_line(std::string& out, const std::vector<Inline>& inlines) {
  for (const auto& in : inlines) append_inline_mrkdwn(out, in);
}

void write_leaf(core::JsonWriter& w, const Inline& in) {
  w.begin_object();
  switch (in.kind) {
    case Inline::Kind::kText:
      w.field("type", "text");
      w.field("text", in.text);
      if (in.bold || in.italic || in.code) {
        w.key("style");
        w.begin_object();
        if (in.bold) w.field("bold", true);
        if (in.italic) w.field("italic", true);
        if (in.code) w.field("code", true);
        w.end_object();
      }
      break;
    case Inline::Kind::kUser:
      w.field("type", "user");
      w.field("user_id", in.target);
      break;
    case Inline::Kind::kChannel:
      w.field("type", "channel");
      w.field("channel_id", in.target);
      break;
    case Inline::Kind::kLink:
      w.field("type", "link");
      w.field("url", in.target);
      if (!in.text.empty()) w.field("text", in.text);
      break;
    case Inline::Kind::kEmoji:
      w.field("type", "emoji");
      w.field("name", in.text);
      if (!in.target.empty()) w.field("unicode", in.target);
      break;
    case Inline::Kind::kBroadcast:
      w.field("type", "broadcast");
      w.field("range", in.text);
      break;
  }
  w.end_object();
}

void write_section(core::JsonWriter& w, std::string_view type, const std::vector<Inline>& inlines) {
  w.begin_object();
  w.field("type", type);
  w.key("elements");
  w.begin_array();
  for (const auto& in : inlines) write_leaf(w, in);
  w.end_array();
  w.end_object();
}

}  // namespace

void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

std::string to_mrkdwn(const RichText& rt) {
  std::string out;
  for (std::size_t i = 0; i < rt.paragraphs.size(); ++i) {
    const Paragraph& p = rt.paragraphs[i];
    if (i > 0) out += '\n';
    switch (p.kind) {
      case Paragraph::Kind::kSection:
        append_line(out, p.inlines);
        break;
      case Paragraph::Kind::kPreformatted:
        out += "```";
        append_escaped(out, p.code);
        out += "```";
        break;
      case Paragraph::Kind::kQuote:
        out += "&gt; ";
        append_line(out, p.inlines);
        break;
      case Paragraph::Kind::kList:
        for (std::size_t k = 0; k < p.items.size(); ++k) {
          if (k > 0) out += '\n';
          out += "\xE2\x80\xA2 ";  // "• "
          append_line(out, p.items[k]);
        }
        break;
    }
  }
  return out;
}

void write_rich_text_block(core::JsonWriter& w, const RichText& rt, std::string_view block_id) {
  w.begin_object();
  w.field("type", "rich_text");
  w.field("block_id", block_id);
  w.key("elements");
  w.begin_array();
  for (const Paragraph& p : rt.paragraphs) {
    switch (p.kind) {
      case Paragraph::Kind::kSection:
        write_section(w, "rich_text_section", p.inlines);
        break;
      case Paragraph::Kind::kQuote:
        write_section(w, "rich_text_quote", p.inlines);
        break;
      case Paragraph::Kind::kPreformatted:
        w.begin_object();
        w.field("type", "rich_text_preformatted");
        w.key("elements");
        w.begin_array();
        w.begin_object();
        w.field("type", "text");
        w.field("text", p.code);
        w.end_object();
        w.end_array();
        w.field("border", 0);
        w.end_object();
        break;
      case Paragraph::Kind::kList:
        w.begin_object();
        w.field("type", "rich_text_list");
        w.key("elements");
        w.begin_array();
        for (const auto& item : p.items) write_section(w, "rich_text_section", item);
        w.end_array();
        w.field("style", "bullet");
        w.field("indent", 0);
        w.field("border", 0);
        w.end_object();
        break;
    }
  }
  w.end_array();
  w.end_object();
}

}  // namespace backscroll::generator
