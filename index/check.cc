// check(): compares the index with the archive.
//   1. Every archive message has its id term exactly once, in its own shard.
//   2. The shards hold as many documents as the archive has messages; if not,
//      the id terms are walked to name documents the archive lacks and ids
//      indexed more than once.
//   3. Every shard has applied the archive's whole changelog.
// Together, 1 and an equal count mean nothing else is indexed.
#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "index/index.h"
#include "index/schema.h"
#include "index/shard.h"
#include "index/terms.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace {

constexpr std::size_t kMaxListed = 20;  // Problems listed per kind before a summary.
constexpr std::size_t kMaxStrays = 10;

std::string describe(const core::ConversationId& conversation, const core::SlackTs& ts) {
  return "message " + ts.str() + " in conversation " + conversation.str();
}

class Checker {
 public:
  Checker(const store::Archive& archive, const std::filesystem::path& index_dir)
      : archive_(archive), index_dir_(index_dir) {}

  core::Result<CheckReport> run() {
    auto states = read_shard_states(index_dir_);
    if (!states) return core::Unexpected{states.error()};
    return xapian_guard(
        "checking the index in " + index_dir_.string(), [&]() -> core::Result<CheckReport> {
          for (const ShardState& s : *states) {
            shards_.emplace(s.name, Xapian::Database(shard_path(index_dir_, s.name).string()));
            all_.add_database(shards_.at(s.name));
            report_.documents += s.documents;
          }
          if (auto r = check_messages(); !r) return core::Unexpected{r.error()};
          if (report_.documents != report_.messages) {
            if (auto r = find_strays(); !r) return core::Unexpected{r.error()};
          }
          check_sequences(*states);
          return std::move(report_);
        });
  }

 private:
  core::Result<void> check_messages() {
    std::uint64_t missing = 0, duplicated = 0;
    auto scanned = archive_.for_each_message([&](const core::Message& m) {
      ++report_.messages;
      const std::string term = id_term(m.conversation_id, m.ts);
      const Xapian::doccount freq = in_own_shard(term, m.conversation_id, m.ts);
      if (freq == 0) {
        if (++missing <= kMaxListed) {
          report_.problems.push_back(describe(m.conversation_id, m.ts) + " is not indexed");
        }
      } else if (freq > 1) {
        if (++duplicated <= kMaxListed) {
          report_.problems.push_back(describe(m.conversation_id, m.ts) + " is indexed " +
                                     std::to_string(freq) + " times");
        }
      }
      return true;
    });
    if (!scanned) return core::Unexpected{scanned.error()};
    if (missing > kMaxListed) {
      report_.problems.push_back("... and " + std::to_string(missing - kMaxListed) +
                                 " more messages are not indexed");
    }
    if (duplicated > kMaxListed) {
      report_.problems.push_back("... and " + std::to_string(duplicated - kMaxListed) +
                                 " more messages are indexed more than once");
    }
    return {};
  }

  // Walks all id terms (of every shard) for documents the archive lacks.
  core::Result<void> find_strays() {
    std::size_t strays = 0;
    const std::string prefix(kIdPrefix);
    for (auto it = all_.allterms_begin(prefix); it != all_.allterms_end(prefix); ++it) {
      const std::string term = *it;
      const Xapian::doccount freq = it.get_termfreq();
      std::optional<DocumentKey> key = parse_id(term);
      if (!key) {
        if (++strays <= kMaxStrays) {
          report_.problems.push_back("the index holds a document with a malformed id term \"" +
                                     term + "\"");
        }
        continue;
      }
      auto stored = archive_.get_message(key->conversation, key->ts);
      if (!stored) return core::Unexpected{stored.error()};
      if (!stored->has_value()) {
        if (++strays <= kMaxStrays) {
          report_.problems.push_back("the index holds " + describe(key->conversation, key->ts) +
                                     ", which is not in the archive");
        }
      } else if (freq > 1 && in_own_shard(term, key->conversation, key->ts) == 1) {
        // Duplicates inside the right shard were reported by check_messages().
        if (++strays <= kMaxStrays) {
          report_.problems.push_back(describe(key->conversation, key->ts) + " is indexed " +
                                     std::to_string(freq) + " times (in more than one shard)");
        }
      }
    }
    if (strays > kMaxStrays) {
      report_.problems.push_back("... and " + std::to_string(strays - kMaxStrays) +
                                 " more stray documents");
    }
    report_.problems.push_back("the index holds " + std::to_string(report_.documents) +
                               " documents but the archive has " +
                               std::to_string(report_.messages) + " messages");
    return {};
  }

  void check_sequences(const std::vector<ShardState>& states) {
    const std::uint64_t last = archive_.last_sequence();
    std::optional<std::uint64_t> lowest;
    for (const ShardState& s : states) {
      if (s.schema_version != kSchemaVersion) {
        report_.problems.push_back("index shard " + s.name + " has schema version \"" +
                                   s.schema_version + "\", expected \"" +
                                   std::string(kSchemaVersion) + "\"");
      }
      if (s.applied > last) {
        report_.problems.push_back("index shard " + s.name + " claims changelog sequence " +
                                   std::to_string(s.applied) + " but the archive ends at " +
                                   std::to_string(last));
      }
      if (!lowest || s.applied < *lowest) lowest = s.applied;
    }
    const std::uint64_t applied = lowest.value_or(0);
    if (applied < last) {
      const std::uint64_t behind = last - applied;
      report_.problems.push_back("index is behind the archive by " + std::to_string(behind) +
                                 (behind == 1 ? " change" : " changes") +
                                 "; run `backscroll ingest` or `backscroll reindex`");
    }
  }

  Xapian::doccount in_own_shard(const std::string& term, const core::ConversationId& conversation,
                                const core::SlackTs& ts) const {
    auto shard = shards_.find(shard_name(conversation, ts));
    return shard == shards_.end() ? 0 : shard->second.get_termfreq(term);
  }

  // "QC1:1516457078.000065" -> {C1, 1516457078.000065}.
  static std::optional<DocumentKey> parse_id(const std::string& term) {
    const std::size_t colon = term.rfind(':');
    if (colon == std::string::npos || colon <= kIdPrefix.size()) return std::nullopt;
    std::optional<core::SlackTs> ts =
        core::SlackTs::parse(std::string_view(term).substr(colon + 1));
    if (!ts) return std::nullopt;
    return DocumentKey{
        core::ConversationId(term.substr(kIdPrefix.size(), colon - kIdPrefix.size())), *ts};
  }

  const store::Archive& archive_;
  const std::filesystem::path& index_dir_;
  std::map<std::string, Xapian::Database> shards_;
  Xapian::Database all_;
  CheckReport report_;
};

}  // namespace

core::Result<CheckReport> check(const store::Archive& archive,
                                const std::filesystem::path& index_dir) {
  return Checker(archive, index_dir).run();
}

}  // namespace backscroll::index
