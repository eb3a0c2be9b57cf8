#include "index/shard_worker.h"

#include <exception>
#include <new>
#include <string>
#include <utility>

#include "index/schema.h"
#include "index/shard.h"
#include "index/terms.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace {

constexpr std::size_t kMaxQueuedBatches = 8;

// Carries an error out of the worker's Xapian code to run()'s handler.
struct WorkerFailure {
  core::Error error;
};

}  // namespace

ShardWorker::ShardWorker(std::filesystem::path index_dir, std::uint64_t commit_every,
                         std::size_t max_open_shards)
    : index_dir_(std::move(index_dir)),
      commit_every_(commit_every == 0 ? 1 : commit_every),
      max_open_shards_(max_open_shards == 0 ? 1 : max_open_shards),
      thread_([this] { run(); }) {}

ShardWorker::~ShardWorker() {
  if (thread_.joinable()) {
    abort();
    thread_.join();
  }
}

void ShardWorker::enqueue(Command command) {
  std::unique_lock lock(mutex_);
  not_full_.wait(lock, [this] { return queue_.size() < kMaxQueuedBatches; });
  queue_.push_back(std::move(command));
  not_empty_.notify_one();
}

void ShardWorker::push(ChangeBatch batch) {
  if (failed()) return;
  enqueue(Command{Command::Kind::kBatch, std::move(batch), 0});
}

void ShardWorker::finish(std::uint64_t target) {
  enqueue(Command{Command::Kind::kFinish, {}, target});
}

void ShardWorker::abort() { enqueue(Command{Command::Kind::kAbort, {}, 0}); }

core::Result<void> ShardWorker::join() {
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  if (error_) return core::Unexpected{*error_};
  return {};
}

bool ShardWorker::failed() const {
  std::lock_guard lock(mutex_);
  return failed_;
}

void ShardWorker::run() {
  for (;;) {
    Command command;
    {
      std::unique_lock lock(mutex_);
      not_empty_.wait(lock, [this] { return !queue_.empty(); });
      command = std::move(queue_.front());
      queue_.pop_front();
      not_full_.notify_one();
    }
    const bool last = command.kind != Command::Kind::kBatch;
    std::optional<core::Error> error;
    try {
      if (!failed()) {
        switch (command.kind) {
          case Command::Kind::kBatch:
            apply(command.batch);
            break;
          case Command::Kind::kFinish:
            close_all(command.target);
            break;
          case Command::Kind::kAbort:
            close_all(std::nullopt);
            break;
        }
      } else if (last) {
        close_all(std::nullopt);
      }
    } catch (const WorkerFailure& f) {
      error = f.error;
    } catch (const Xapian::Error& e) {
      error = translate_xapian_error(e, "writing index shards in " + index_dir_.string());
    } catch (const std::bad_alloc&) {
      error = core::make_error(core::ErrorCode::kStorage, "writing the index: out of memory");
    } catch (const std::exception& e) {
      error = core::make_error(core::ErrorCode::kInternal,
                               std::string("writing the index: ") + e.what());
    }
    if (error) {
      {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = std::move(error);
        failed_ = true;
      }
      if (!last) continue;
      try {
        close_all(std::nullopt);
      } catch (...) {
        // Already failing; the first error is the one reported.
      }
    }
    if (last) return;
  }
}

ShardWorker::OpenShard& ShardWorker::shard(const std::string& name) {
  auto it = shards_.find(name);
  if (it != shards_.end()) {
    it->second.last_used = ++uses_;
    return it->second;
  }
  if (shards_.size() >= max_open_shards_) close_least_recently_used();
  const std::filesystem::path path = shard_path(index_dir_, name);
  OpenShard s;
  s.name = name;
  s.db = std::make_unique<Xapian::WritableDatabase>(path.string(), Xapian::DB_OPEN);
  auto applied =
      parse_applied_sequence(s.db->get_metadata(std::string(kMetaAppliedSequence)), name);
  if (!applied) throw WorkerFailure{applied.error()};
  s.applied = *applied;
  s.db->begin_transaction(true);
  s.last_used = ++uses_;
  return shards_.emplace(name, std::move(s)).first->second;
}

void ShardWorker::close_least_recently_used() {
  auto oldest = shards_.begin();
  for (auto it = shards_.begin(); it != shards_.end(); ++it) {
    if (it->second.last_used < oldest->second.last_used) oldest = it;
  }
  OpenShard& s = oldest->second;
  if (s.pending > 0) {
    commit(s, last_sequence_);
  }
  s.db->cancel_transaction();  // The empty one commit() began (or the one opened with it).
  s.db->close();
  shards_.erase(oldest);
}

void ShardWorker::apply(const ChangeBatch& batch) {
  for (const ChangeItem& item : batch) {
    last_sequence_ = item.sequence;
    OpenShard& s = shard(item.shard);
    if (item.sequence <= s.applied) continue;
    Xapian::Document doc = builder_.build(item.message);
    s.db->replace_document(id_term(item.message.conversation_id, item.message.ts), doc);
    ++written_;
    if (++s.pending >= commit_every_) commit(s, last_sequence_);
  }
}

void ShardWorker::commit(OpenShard& s, std::uint64_t applied) {
  s.db->set_metadata(std::string(kMetaAppliedSequence), std::to_string(applied));
  s.db->set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
  s.db->commit_transaction();
  s.applied = applied;
  s.pending = 0;
  s.db->begin_transaction(true);
}

void ShardWorker::close_all(std::optional<std::uint64_t> target) {
  for (auto& [name, s] : shards_) {
    if (!s.db) continue;
    if (target) {
      s.db->set_metadata(std::string(kMetaAppliedSequence), std::to_string(*target));
      s.db->set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
      s.db->commit_transaction();
      s.applied = *target;
      s.db->close();
    } else {
      try {
        s.db->cancel_transaction();
      } catch (const Xapian::Error&) {
        // The transaction may already be gone after a failed write.
      }
    }
    s.db.reset();
  }
  shards_.clear();
}

}  // namespace backscroll::index
