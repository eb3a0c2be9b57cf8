#pragma once
// Internal: one writer thread of catch_up(). It owns a disjoint set of shards
// (the dispatcher sends each shard's changes to one worker only), builds each
// message's document and replaces it in its shard by the unique id term.
//
// Pipeline, for changelog entries 101..103 going to shards 2020q3 and 2020q4:
//   dispatcher (caller's thread)           worker 0 (owns 2020q4)
//   for_each_change -> Item{101, 2020q4} -> queue -> build, replace_document
//                   -> Item{102, 2020q3} -> worker 1
//   finish(103)                          -> commit 2020q4 with applied = 103
//
// A shard's uncommitted changes form one Xapian transaction; it commits (with
// kMetaAppliedSequence = the last sequence this worker has processed) every
// `commit_every` documents, when it is closed to make room for another, and
// when finish() is processed. Entries are seen in sequence order, so at that
// point every entry up to that sequence for this shard is in the commit.

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "index/document_builder.h"

namespace backscroll::index {

struct ChangeItem {
  std::uint64_t sequence = 0;
  std::string shard;
  core::Message message;
};
using ChangeBatch = std::vector<ChangeItem>;

class ShardWorker {
 public:
  // Commits a shard every `commit_every` documents; keeps at most
  // `max_open_shards` shards open (the least recently used one is committed at
  // the current sequence and closed to make room), bounding memory and files.
  ShardWorker(std::filesystem::path index_dir, std::uint64_t commit_every,
              std::size_t max_open_shards);
  ~ShardWorker();  // Joins the thread (after finish() or abort()).
  ShardWorker(const ShardWorker&) = delete;
  ShardWorker& operator=(const ShardWorker&) = delete;

  // Queues a batch; blocks while the queue is full. After the worker failed,
  // batches are dropped.
  void push(ChangeBatch batch);
  // Queues the end of the run: every shard this worker opened commits with
  // applied sequence `target`, then the thread ends.
  void finish(std::uint64_t target);
  // Queues the end of the run without the final commits (the dispatcher failed).
  void abort();
  // Waits for the thread to end; returns its first error, if any.
  core::Result<void> join();

  bool failed() const;
  std::uint64_t written() const { return written_; }  // Valid after join().

 private:
  struct Command {
    enum class Kind { kBatch, kFinish, kAbort } kind = Kind::kBatch;
    ChangeBatch batch;
    std::uint64_t target = 0;
  };
  struct OpenShard {
    std::string name;
    std::unique_ptr<Xapian::WritableDatabase> db;
    std::uint64_t applied = 0;  // As committed.
    std::uint64_t pending = 0;  // Documents changed in the open transaction.
    std::uint64_t last_used = 0;
  };
  void enqueue(Command command);
  void run();
  void apply(const ChangeBatch& batch);
  OpenShard& shard(const std::string& name);
  void commit(OpenShard& shard, std::uint64_t applied);
  void close_least_recently_used();
  void close_all(std::optional<std::uint64_t> target);

  const std::filesystem::path index_dir_;
  const std::uint64_t commit_every_;
  const std::size_t max_open_shards_;
  std::uint64_t uses_ = 0;
  std::uint64_t written_ = 0;
  std::uint64_t last_sequence_ = 0;
  std::map<std::string, OpenShard> shards_;
  DocumentBuilder builder_;

  mutable std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<Command> queue_;
  std::optional<core::Error> error_;
  bool failed_ = false;
  std::thread thread_;
};

}  // namespace backscroll::index
