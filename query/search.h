#pragma once
// Search: a query string (see parser.h for the language) in, a page of hits out.
//
//   auto searcher = Searcher::open(archive, index_dir);    // once
//   auto result = (*searcher)->search({.query = "deploy in:#ops", .limit = 20});
//
// Ranking: relevance (BM25), plus a recency boost when `recency` is set (a
// message's weight gains up to kRecencyWeight, halving every 30 days before
// `now`); or time (Sort::kNewest/kOldest: exact order by ts, ties in index
// order so pages are stable). A relevance search with no words, only filters
// ("in:#ops"), is ranked newest first since every hit scores the same.
//
// Each hit's message is loaded from the archive (the page only) with a
// snippet. `total` counts all matches, exactly up to 10,000 and estimated
// beyond. With `facets`, the whole result set is counted by conversation,
// author and local month (costs a full match: a few ms at 1M messages). With
// `group_threads`, the page's hits are also grouped by thread.
//
// Errors: kBadQuery for a malformed query (parser.h) and a wildcard matching
// more than 1,000 words; kNotFound when the index does not exist; kCorrupt
// when the index names a message the archive lacks ("run backscroll check")
// or Xapian reports corruption; kStorage for other index failures. A search
// racing an index update reopens the index and retries.
//
// Thread-safety: a Searcher serializes its calls with a mutex; for parallel
// searches open one Searcher per thread. `archive` must outlive the Searcher.
//
// Snapshots: the Directory (names) is read at open() and refresh(); the index
// is reopened by refresh() and after Xapian::DatabaseModifiedError. A
// long-running server calls archive.refresh() then refresh() to see new
// ingests. Refresh the archive before the index: an index newer than the
// archive snapshot makes a hit's message look missing (kCorrupt).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "query/hit.h"

namespace backscroll::store {
class Archive;
}

namespace backscroll::query {

class Directory;

enum class Sort { kRelevance, kNewest, kOldest };

inline constexpr double kRecencyWeight = 2.0;

struct SearchRequest {
  std::string query;
  std::size_t limit = 20;
  std::size_t offset = 0;
  Sort sort = Sort::kRelevance;
  bool recency = false;        // Boost recent messages (relevance sort only).
  bool facets = false;         // Fill SearchResult::facets.
  bool group_threads = false;  // Fill SearchResult::threads.
  // "https://acme.slack.com": fills Hit::permalink. Empty: no permalinks.
  std::string workspace_url;
  // Epoch seconds that today/yesterday (and the recency boost) are relative
  // to; the current time when unset.
  std::optional<std::int64_t> now;
  // When set, only these conversations are searched (totals and facets too);
  // an empty list finds nothing. For a server showing each user what they may see.
  std::optional<std::vector<core::ConversationId>> visible;
};

struct FacetCount {
  std::string value;  // Conversation id, author id, or month "YYYY-MM".
  std::string name;   // Shown name (conversation, author); the month again.
  std::uint64_t count = 0;
};

struct Facets {
  std::vector<FacetCount> conversations;  // Most hits first (ties by name), at most kFacetLimit.
  std::vector<FacetCount> authors;        // Same.
  std::vector<FacetCount> months;         // Chronological, all months with hits (local time).
};
inline constexpr std::size_t kFacetLimit = 25;

// The page's hits of one thread (or one message outside any thread), in
// order of the group's best hit.
struct ThreadGroup {
  core::ConversationId conversation;
  std::optional<core::SlackTs> thread_ts;  // None: not in a thread.
  std::vector<std::size_t> hits;           // Indexes into SearchResult::hits, in page order.
};

// `hits` grouped by thread (a message outside any thread is a group of its
// own), groups in the order of their first hit, hits in the given order.
std::vector<ThreadGroup> group_by_thread(const std::vector<Hit>& hits);

struct SearchResult {
  std::string query;  // As requested.
  std::uint64_t total = 0;
  bool total_exact = true;  // False when total is Xapian's estimate (past 10,000).
  std::vector<Hit> hits;
  std::optional<Facets> facets;
  std::optional<std::vector<ThreadGroup>> threads;
};

// How a query was understood, stage by stage (parser.h), for --explain.
struct Explanation {
  std::string tokens;                 // [word deploy] [OR] [in:#ops]
  std::string syntax;                 // (OR deploy in:#ops)
  std::vector<std::string> resolved;  // "in:#ops -> conversation C3 (ops)", "deploy -> Zdeploy@1"
  std::string xapian;                 // Query((Zdeploy@1 FILTER XCC3))
};

class Searcher {
 public:
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Loads the Directory from `archive` and opens every index shard in `index_dir`.
  [[nodiscard]] static core::Result<std::unique_ptr<Searcher>> open(
      const store::Archive& archive, const std::filesystem::path& index_dir);

  [[nodiscard]] core::Result<SearchResult> search(const SearchRequest& request) const;

  // The stages of `request.query` (also with `visible`, `now`, `recency` applied).
  [[nodiscard]] core::Result<Explanation> explain(const SearchRequest& request) const;

  // Reloads the Directory from the archive and reopens the index. On error
  // the Searcher keeps its previous snapshot.
  [[nodiscard]] core::Result<void> refresh();

  // The current Directory snapshot, for thread and context views
  // (load_thread, load_context) of the same names. Stays valid after refresh().
  std::shared_ptr<const Directory> directory() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace backscroll::query
