#include "index/shard_writer.h"

#include <xapian.h>

#include <memory>
#include <string>

#include "index/document_builder.h"
#include "index/schema.h"
#include "index/shard.h"
#include "index/shard_compact.h"
#include "index/terms.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace {

void commit(Xapian::WritableDatabase& db, std::uint64_t applied) {
  db.set_metadata(std::string(kMetaAppliedSequence), std::to_string(applied));
  db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
  db.commit_transaction();
}

core::Result<void> write_shard(const WriterContext& context, const ShardPlan& plan,
                               DocumentBuilder& builder) {
  const std::filesystem::path path = shard_path(context.index_dir, plan.name);
  return xapian_guard("writing index shard " + path.string(), [&]() -> core::Result<void> {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    db.begin_transaction(true);
    std::uint64_t pending = 0;
    for (const PlannedChange& change : plan.changes) {
      if (context.stop.load(std::memory_order_relaxed)) {
        db.cancel_transaction();
        return {};
      }
      const core::SlackTs ts = core::SlackTs::from_micros(change.ts_micros);
      auto message = context.archive.get_message(change.conversation, ts);
      if (!message) {
        db.cancel_transaction();
        return core::Unexpected{message.error()};
      }
      if (!message->has_value()) {
        db.cancel_transaction();
        return core::fail(core::ErrorCode::kCorrupt,
                          "the archive's changelog entry " + std::to_string(change.sequence) +
                              " names message " + ts.str() + " in conversation " +
                              change.conversation.str() + ", which is not stored");
      }
      db.replace_document(id_term(change.conversation, (*message)->ts), builder.build(**message));
      context.written.fetch_add(1, std::memory_order_relaxed);
      if (++pending >= context.commit_every) {
        commit(db, change.sequence);
        pending = 0;
        db.begin_transaction(true);
      }
    }
    commit(db, context.target);
    db.close();
    return {};
  });
}

}  // namespace

core::Result<void> write_shards(const WriterContext& context,
                                const std::vector<const ShardPlan*>& plans) {
  DocumentBuilder builder(context.language);
  for (const ShardPlan* plan : plans) {
    if (context.stop.load(std::memory_order_relaxed)) return {};
    if (auto written = write_shard(context, *plan, builder); !written) return written;
    if (plan->changes.size() >= context.compact_min_documents &&
        !context.stop.load(std::memory_order_relaxed)) {
      if (auto compacted = compact_shard(context.index_dir, plan->name); !compacted) {
        return compacted;
      }
      if (context.compacted) context.compacted->fetch_add(1, std::memory_order_relaxed);
    }
  }
  return {};
}

}  // namespace backscroll::index
