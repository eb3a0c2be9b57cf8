#pragma once
// What `thread` and `export` share: the document options (--workspace-url,
// --no-bots, --anonymize) and writing a Markdown document as Markdown or as
// a self-contained HTML page (query/markdown_document.h, html_document.h).

#include <boost/program_options.hpp>
#include <iosfwd>
#include <string>

#include "app/cli.h"
#include "query/markdown_document.h"

namespace backscroll::app {

// Declares --workspace-url, --no-bots and --anonymize.
void describe_document_options(boost::program_options::options_description& options);

// The options as given; --workspace-url falls back to the config file's.
query::DocumentOptions document_options(const Invocation& inv,
                                        const boost::program_options::variables_map& vm);

// Writes `markdown` as it is (format "markdown") or as an HTML page ("html").
void write_document(std::ostream& out, const std::string& format, const std::string& markdown);

}  // namespace backscroll::app
