#pragma once
// Search: a query string (see parser.h for the language) in, a page of hits out.
//
//   auto searcher = Searcher::open(archive, index_dir);    // once
//   auto result = (*searcher)->search({.query = "deploy in:#ops", .limit = 20});
//
// Hits are ranked by relevance (BM25), or by time (Sort::kNewest/kOldest, ties
// in index order so pages are stable). A relevance search with no words, only
// filters ("in:#ops"), is ranked newest first since every hit scores the same.
// Each hit's message is loaded from the archive; `total` counts all matches,
// exactly up to 10,000 and estimated beyond.
//
// Errors: kBadQuery for a malformed query (parser.h); kNotFound when the index
// does not exist; kCorrupt when the index names a message the archive lacks
// ("run backscroll check") or Xapian reports corruption; kStorage for other
// index failures. A search racing an index update reopens the index and retries.
//
// Thread-safety: a Searcher serializes its calls with a mutex; for parallel
// searches open one Searcher per thread. `archive` must outlive the Searcher.
//
// Snapshots: the Directory (names) is read once at open(), the index is
// reopened only after Xapian::DatabaseModifiedError. Open the archive before
// the index is updated past it: an index newer than a read-only archive
// snapshot makes a hit's message look missing (kCorrupt).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "query/hit.h"

namespace backscroll::store {
class Archive;
}

namespace backscroll::query {

enum class Sort { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;
  std::size_t limit = 20;
  std::size_t offset = 0;
  Sort sort = Sort::kRelevance;
};

struct SearchResult {
  std::string query;  // As requested.
  std::uint64_t total = 0;
  std::vector<Hit> hits;
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

  // The parsed form of `query` as Xapian prints it, e.g.
  // "Query((Zdeploy@1 FILTER XCC024BE91L))", for --explain and debugging.
  [[nodiscard]] core::Result<std::string> explain(std::string_view query) const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace backscroll::query
