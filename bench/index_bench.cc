// index/ micro-benchmarks on synthetic messages (Zipf-distributed words from a
// 20k-word vocabulary, 3-30 words each, some links and attachments, spread
// over three years):
//   BM_BuildDocument     DocumentBuilder::build per message (TermGenerator).
//   BM_AddDocuments/S    20k prebuilt documents added to S shards by S threads
//                        (S = 1 or 2), one commit per shard: Xapian's write cost.
//   BM_CatchUp/T         catch_up() of a 200k-message archive into a fresh
//                        index with T writer threads (the dispatcher reading
//                        RocksDB is one more thread).
// Data is generated once outside the timed loops; every run writes into a
// fresh temporary directory.

#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "index/document_builder.h"
#include "index/index.h"
#include "index/index_internal.h"
#include "index/terms.h"
#include "store/archive.h"
#include "tests/support/temp_dir.h"

namespace {

namespace core = backscroll::core;
namespace index = backscroll::index;
namespace store = backscroll::store;

using backscroll::testing::TempDir;

class MessageGenerator {
 public:
  MessageGenerator() : rng_(42) {
    static const char* const kSyllables[] = {"ka",  "lo",  "mi", "ne", "tor", "vel", "quin", "sa",
                                             "ber", "dun", "ex", "ri", "po",  "zen", "gal",  "fu"};
    for (int i = 0; i < 20000; ++i) {
      std::string word;
      for (int n = i, parts = 0; parts < 2 || n > 0; n /= 16, ++parts) word += kSyllables[n % 16];
      vocabulary_.push_back(std::move(word));
    }
    double sum = 0;
    for (std::size_t i = 0; i < vocabulary_.size(); ++i) {
      sum += 1.0 / static_cast<double>(i + 1);
      cdf_.push_back(sum);
    }
    for (double& c : cdf_) c /= sum;
  }

  core::Message next(int i) {
    core::Message m;
    m.conversation_id = core::ConversationId("C" + std::to_string(1000 + i % 50));
    // 3 years from 2020-01-01, in order, ~ every 470 s for 200k messages.
    m.ts = core::SlackTs::from_micros((1577836800LL + i * 470LL) * 1000000LL + i % 1000000);
    m.user_id = core::UserId("U" + std::to_string(100 + uniform(200)));
    const int words = 3 + uniform(28);
    for (int w = 0; w < words; ++w) {
      if (w) m.text += ' ';
      m.text += word();
    }
    if (uniform(10) == 0) m.links.push_back("https://example.com/" + word());
    if (uniform(20) == 0) {
      core::Attachment a;
      a.title = word() + " " + word();
      a.text = word() + " " + word() + " " + word() + " " + word();
      m.attachments.push_back(std::move(a));
    }
    if (i % 8 == 0) m.thread_ts = m.ts;
    return m;
  }

 private:
  int uniform(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  const std::string& word() {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u);
    return vocabulary_[std::min<std::size_t>(it - cdf_.begin(), vocabulary_.size() - 1)];
  }

  std::mt19937_64 rng_;
  std::vector<std::string> vocabulary_;
  std::vector<double> cdf_;
};

std::vector<core::Message> messages(int count) {
  MessageGenerator gen;
  std::vector<core::Message> out;
  out.reserve(count);
  for (int i = 0; i < count; ++i) out.push_back(gen.next(i));
  return out;
}

void BM_BuildDocument(benchmark::State& state) {
  const std::vector<core::Message> input = messages(10000);
  index::DocumentBuilder builder;
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(builder.build(input[i]));
    if (++i == input.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BuildDocument);

void BM_AddDocuments(benchmark::State& state) {
  const int shards = static_cast<int>(state.range(0));
  constexpr int kDocs = 20000;
  const std::vector<core::Message> input = messages(kDocs);
  std::vector<Xapian::Document> docs;
  std::vector<std::string> ids;
  index::DocumentBuilder builder;
  for (const core::Message& m : input) {
    docs.push_back(builder.build(m));
    ids.push_back(index::id_term(m.conversation_id, m.ts));
  }
  for (auto _ : state) {
    TempDir dir;
    std::vector<std::thread> threads;
    for (int s = 0; s < shards; ++s) {
      threads.emplace_back([&, s] {
        Xapian::WritableDatabase db((dir.path() / std::to_string(s)).string(),
                                    Xapian::DB_CREATE_OR_OPEN);
        db.begin_transaction(true);
        for (int d = s; d < kDocs; d += shards) db.replace_document(ids[d], docs[d]);
        db.commit_transaction();
        db.close();
      });
    }
    for (std::thread& t : threads) t.join();
  }
  state.SetItemsProcessed(state.iterations() * kDocs);
}
BENCHMARK(BM_AddDocuments)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

constexpr int kArchiveMessages = 200000;

// The archive is filled once and shared by the catch-up runs.
struct SharedArchive {
  TempDir dir;
  std::unique_ptr<store::Archive> archive;
  SharedArchive() {
    auto opened = store::Archive::open(dir.path() / "archive", store::OpenMode::kWritable);
    if (!opened) std::abort();
    archive = std::move(*opened);
    const std::vector<core::Message> all = messages(kArchiveMessages);
    for (std::size_t i = 0; i < all.size(); i += 10000) {
      const std::size_t n = std::min<std::size_t>(10000, all.size() - i);
      if (!archive->upsert_messages(std::span(all).subspan(i, n))) std::abort();
    }
  }
};

// User + system CPU seconds of the whole process (all threads).
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void BM_CatchUp(benchmark::State& state) {
  static SharedArchive shared;
  index::CatchUpOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  double cpu = 0;
  for (auto _ : state) {
    TempDir index_dir;
    const double before = process_cpu_seconds();
    auto stats = index::catch_up_with_options(*shared.archive, index_dir.path(), {}, options);
    cpu += process_cpu_seconds() - before;
    if (!stats || stats->applied != kArchiveMessages) {
      state.SkipWithError(stats ? "wrong count" : stats.error().describe().c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * kArchiveMessages);
  // Throughput per CPU-second of all threads: comparable on a busy machine.
  state.counters["msgs_per_cpu_s"] = state.iterations() * kArchiveMessages / cpu;
}
BENCHMARK(BM_CatchUp)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
