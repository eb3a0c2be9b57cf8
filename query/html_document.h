#pragma once
// Markdown documents (markdown_document.h) as complete, self-contained HTML
// pages: rendered by cmark-gfm (CommonMark plus strikethrough), raw HTML in
// the Markdown omitted (cmark's safe mode), inline CSS, and a
// Content-Security-Policy that allows no network access at all.

#include <string>
#include <string_view>

namespace backscroll::query {

// "<!DOCTYPE html>...<title>TITLE</title>...<body><main>BODY</main></body></html>\n",
// TITLE being the plain text of the document's first heading ("backscroll"
// when it has none). Cannot fail (cmark aborts when out of memory).
std::string markdown_to_html_page(std::string_view markdown);

}  // namespace backscroll::query
