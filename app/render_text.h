#pragma once
// Human-readable output of hits, threads, context views, facets and query
// explanations (the JSON form lives in query/).

#include <iosfwd>

#include "query/context.h"
#include "query/search.h"
#include "query/thread.h"

namespace backscroll::app {

// "2020-10-01 14:34  #ops-alerts  bastian  [thread, 3 replies]" then the
// indented snippet (or the whole text when there is no snippet), then the
// permalink when there is one. `ansi`: matched words in bold.
void render_hit(std::ostream& out, const query::Hit& hit, bool ansi);
// The hits (grouped under "thread ..." headers when result.threads is set),
// the facets when present, and "-- 1-20 of 345 matches".
void render_search(std::ostream& out, const query::SearchResult& result, std::size_t offset,
                   bool ansi);
void render_thread(std::ostream& out, const query::ThreadView& thread);
// The messages, the target marked with '>'.
void render_context(std::ostream& out, const query::ContextView& context);
// "tokens: ...", "syntax: ...", "resolved: ..." lines, "xapian: ...".
void render_explanation(std::ostream& out, const query::Explanation& explanation);

}  // namespace backscroll::app
