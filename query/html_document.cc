#include "query/html_document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

namespace backscroll::query {
namespace {

constexpr int kOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light dark; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; line-height: 1.3; }
h2 { font-size: 1.2rem; margin-top: 2.5rem; border-top: 1px solid #8884; padding-top: 1rem; }
blockquote { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid #8886; }
pre { padding: 0.75rem; overflow-x: auto; background: #8881; border-radius: 4px; }
code { font: 0.9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
:not(pre) > code { padding: 0.1em 0.3em; background: #8882; border-radius: 3px; }
a { color: #1264a3; }
@media (prefers-color-scheme: dark) { a { color: #5aa9e6; } }
)css";

void append_escaped(std::string_view text, std::string& out) {
  for (char c : text) {
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
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// Takes ownership of a string cmark allocated.
std::string take(char* text) {
  std::string s(text);
  std::free(text);
  return s;
}

// The plain text of the first heading, on one line.
std::string first_heading(cmark_node* document) {
  for (cmark_node* node = cmark_node_first_child(document); node != nullptr;
       node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
    std::string text = take(cmark_render_plaintext(node, CMARK_OPT_DEFAULT, 0));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
  }
  return "backscroll";
}

}  // namespace

std::string markdown_to_html_page(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
  cmark_syntax_extension* strikethrough = cmark_find_syntax_extension("strikethrough");
  if (strikethrough != nullptr) cmark_parser_attach_syntax_extension(parser.get(), strikethrough);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));

  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" "
      "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"generator\" content=\"backscroll\">\n<title>";
  append_escaped(first_heading(document.get()), page);
  page += "</title>\n<style>";
  page += kStyle;
  page += "</style>\n</head>\n<body>\n<main>\n";
  page += take(cmark_render_html(document.get(), kOptions,
                                 cmark_parser_get_syntax_extensions(parser.get())));
  page += "</main>\n</body>\n</html>\n";
  return page;
}

}  // namespace backscroll::query
