#pragma once
// The one JSON form of query results, documented field by field in
// query/JSON.md. app/ and server/ print exactly these strings.

#include <string>

#include "query/context.h"
#include "query/search.h"
#include "query/thread.h"
#include "store/archive.h"

namespace backscroll::query {

// {"query", "total", ["total_estimated"], "hits": [hit, ...], ["facets"], ["threads"]}
std::string to_json(const SearchResult& result);
// {"conversation_id", "conversation", "ts", "in_thread", "messages": [hit without snippet]}
std::string to_json(const ContextView& context);
// {"conversation_id", "conversation", "thread_ts", "messages": [hit without snippet]}
std::string to_json(const ThreadView& thread);
// {"messages", "conversations", "users", "threads", "first_time", "last_time", ...}
std::string to_json(const store::ArchiveStats& stats);

}  // namespace backscroll::query
