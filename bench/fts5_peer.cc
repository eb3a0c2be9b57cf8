#include "bench/fts5_peer.h"

#include <sqlite3.h>

#include <utility>

namespace backscroll::bench {
namespace {

constexpr const char* kSelect =
    "SELECT rowid, conversation_id, user_id, "
    "snippet(messages, 0, '<mark>', '</mark>', '…', 16) FROM messages WHERE messages MATCH ?1";
constexpr const char* kOrder = " ORDER BY rank LIMIT ?3";

core::Unexpected sqlite_error(sqlite3* db, const std::string& what) {
  return core::fail(core::ErrorCode::kStorage, what + ": " + sqlite3_errmsg(db));
}

}  // namespace

struct Fts5Peer::Impl {
  sqlite3* db = nullptr;
  sqlite3_stmt* plain = nullptr;
  sqlite3_stmt* in_conversation = nullptr;
  sqlite3_stmt* from_user = nullptr;

  ~Impl() {
    sqlite3_finalize(plain);
    sqlite3_finalize(in_conversation);
    sqlite3_finalize(from_user);
    sqlite3_close(db);
  }

  core::Result<void> exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      return core::fail(core::ErrorCode::kStorage, sql + ": " + text);
    }
    return {};
  }

  core::Result<sqlite3_stmt*> prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
      return sqlite_error(db, "prepare " + sql);
    return stmt;
  }
};

Fts5Peer::Fts5Peer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Fts5Peer::~Fts5Peer() = default;

core::Result<std::unique_ptr<Fts5Peer>> Fts5Peer::create(const std::filesystem::path& file) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(file.string() + suffix, ec);
  auto impl = std::make_unique<Impl>();
  if (sqlite3_open(file.c_str(), &impl->db) != SQLITE_OK)
    return sqlite_error(impl->db, "open " + file.string());
  for (const char* sql :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-65536",
        "CREATE VIRTUAL TABLE messages USING fts5(body, conversation_id UNINDEXED, "
        "user_id UNINDEXED, tokenize='porter unicode61')"}) {
    if (auto r = impl->exec(sql); !r) return core::Unexpected{r.error()};
  }
  const std::string select = kSelect;
  auto plain = impl->prepare(select + kOrder);
  if (!plain) return core::Unexpected{plain.error()};
  impl->plain = *plain;
  auto in = impl->prepare(select + " AND conversation_id = ?2" + kOrder);
  if (!in) return core::Unexpected{in.error()};
  impl->in_conversation = *in;
  auto from = impl->prepare(select + " AND user_id = ?2" + kOrder);
  if (!from) return core::Unexpected{from.error()};
  impl->from_user = *from;
  return std::unique_ptr<Fts5Peer>(new Fts5Peer(std::move(impl)));
}

core::Result<void> Fts5Peer::insert(const std::vector<Fts5Row>& rows) {
  if (auto r = impl_->exec("BEGIN"); !r) return r;
  auto stmt =
      impl_->prepare("INSERT INTO messages(body, conversation_id, user_id) VALUES(?, ?, ?)");
  if (!stmt) return core::Unexpected{stmt.error()};
  for (const Fts5Row& row : rows) {
    sqlite3_bind_text(*stmt, 1, row.body.data(), static_cast<int>(row.body.size()), SQLITE_STATIC);
    sqlite3_bind_text(*stmt, 2, row.conversation_id.data(),
                      static_cast<int>(row.conversation_id.size()), SQLITE_STATIC);
    sqlite3_bind_text(*stmt, 3, row.user_id.data(), static_cast<int>(row.user_id.size()),
                      SQLITE_STATIC);
    if (sqlite3_step(*stmt) != SQLITE_DONE) {
      sqlite3_finalize(*stmt);
      return sqlite_error(impl_->db, "insert");
    }
    sqlite3_reset(*stmt);
  }
  sqlite3_finalize(*stmt);
  return impl_->exec("COMMIT");
}

core::Result<void> Fts5Peer::optimize() {
  return impl_->exec("INSERT INTO messages(messages) VALUES('optimize')");
}

core::Result<std::size_t> Fts5Peer::search(const BenchQuery& q, std::size_t limit) {
  sqlite3_stmt* stmt = impl_->plain;
  const std::string* filter = nullptr;
  if (q.query_class == QueryClass::kInChannel) {
    stmt = impl_->in_conversation;
    filter = &q.conversation.str();
  } else if (q.query_class == QueryClass::kFromUser) {
    stmt = impl_->from_user;
    filter = &q.user.str();
  }
  const std::string match = fts5_match(q);
  sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  if (filter)
    sqlite3_bind_text(stmt, 2, filter->data(), static_cast<int>(filter->size()), SQLITE_STATIC);
  sqlite3_bind_int64(stmt, 3, static_cast<sqlite3_int64>(limit));
  std::size_t rows = 0;
  std::string snippet;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3));
    snippet.assign(text ? text : "");
    ++rows;
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (rc != SQLITE_DONE)
    return core::fail(rc == SQLITE_ERROR ? core::ErrorCode::kBadQuery : core::ErrorCode::kStorage,
                      "fts5 query " + match + ": " + sqlite3_errmsg(impl_->db));
  return rows;
}

std::string sqlite_version() { return sqlite3_libversion(); }

}  // namespace backscroll::bench
