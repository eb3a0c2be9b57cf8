#pragma once
// Digests: every thread with a message matching a search, newest first, as
// the raw material of a postmortem or a FAQ page (`backscroll export`).
//
//   auto digest = collect_digest(*searcher, archive, {.search = {.query = "disk_space"}});
//   std::cout << digest_markdown(*digest, *searcher->directory(), {});
//
// Hits are fetched newest first (at most `max_hits` of them) and grouped by
// thread (a message outside any thread is its own group); groups are ordered
// by their newest hit. Each group keeps only its matching messages, oldest
// first, or with `whole_threads` the whole thread from the archive.

#include <cstddef>

#include "core/result.h"
#include "query/markdown_document.h"
#include "query/search.h"

namespace backscroll::store {
class Archive;
}

namespace backscroll::query {

struct DigestRequest {
  // The search; its sort, limit and offset are ignored (newest first, paged here).
  SearchRequest search;
  bool whole_threads = false;
  std::size_t max_hits = 500;
  // False: bot messages are not counted as matches, so threads where only bots
  // matched are left out (the documents leave bot messages out then too).
  bool include_bots = true;
};

// Title "Search: QUERY"; summary "3 threads, 7 matching messages, newest
// first", then "; the newest 500 of 1234 matches" when `max_hits` cut it,
// "; 2 matching bot messages left out" when there were some, and ".".
// Errors: the search's (kBadQuery for a malformed query, ...) and the archive's.
[[nodiscard]] core::Result<DigestDocument> collect_digest(const Searcher& searcher,
                                                          const store::Archive& archive,
                                                          const DigestRequest& request);

}  // namespace backscroll::query
