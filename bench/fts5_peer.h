#pragma once
// The peer engine for the macro benchmark: SQLite FTS5 over the same texts.
//
//   CREATE VIRTUAL TABLE messages USING fts5(body, conversation_id UNINDEXED,
//       user_id UNINDEXED, tokenize='porter unicode61');
//
// body is core::searchable_text() of each stored message. A query is
//
//   SELECT rowid, conversation_id, user_id, snippet(messages, 0, '<mark>',
//          '</mark>', '…', 16) FROM messages WHERE messages MATCH ?
//          [AND conversation_id = ? | AND user_id = ?] ORDER BY rank LIMIT ?
//
// i.e. BM25 ranking, snippets, and filters on unindexed columns, like
// backscroll's search with limit 20.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench/query_set.h"
#include "core/result.h"

namespace backscroll::bench {

struct Fts5Row {
  std::string body;
  std::string conversation_id;
  std::string user_id;
};

class Fts5Peer {
 public:
  ~Fts5Peer();
  Fts5Peer(const Fts5Peer&) = delete;
  Fts5Peer& operator=(const Fts5Peer&) = delete;

  // Creates a fresh database at `file` (an existing one is deleted first).
  // Errors: kStorage with SQLite's message.
  [[nodiscard]] static core::Result<std::unique_ptr<Fts5Peer>> create(
      const std::filesystem::path& file);

  // Inserts all rows in one transaction.
  [[nodiscard]] core::Result<void> insert(const std::vector<Fts5Row>& rows);
  // Merges the index's segments into one ('optimize' command).
  [[nodiscard]] core::Result<void> optimize();

  // Runs `q` with `limit`; returns the number of rows (each with its snippet
  // read). Errors: kBadQuery for a MATCH syntax error, kStorage otherwise.
  [[nodiscard]] core::Result<std::size_t> search(const BenchQuery& q, std::size_t limit);

 private:
  struct Impl;
  explicit Fts5Peer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "3.40.1"
std::string sqlite_version();

}  // namespace backscroll::bench
