#pragma once
// Human-readable output of hits and threads (the JSON form lives in query/).

#include <iosfwd>

#include "query/search.h"
#include "query/thread.h"

namespace backscroll::app {

// "2020-10-01 14:34  #ops-alerts  bastian" then the indented snippet (or the
// whole text when there is no snippet). `ansi`: matched words in bold.
void render_hit(std::ostream& out, const query::Hit& hit, bool ansi);
void render_search(std::ostream& out, const query::SearchResult& result,
                   std::size_t offset, bool ansi);
void render_thread(std::ostream& out, const query::ThreadView& thread);

}  // namespace backscroll::app
