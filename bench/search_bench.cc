// query/ micro-benchmarks over a synthetic 50k-message archive and index
// (Zipf-distributed words from a 5k-word vocabulary plus a few planted common
// words, 4-30 words each, 20 channels, 50 users, spread over one year):
//   BM_ParseQuery        query string -> Xapian::Query (Directory lookups included).
//   BM_SearchWord        one common word, relevance, 20 hits with snippets.
//   BM_SearchPhrase      a two-word phrase, relevance, 20 hits with snippets.
//   BM_SearchFiltered    a word in one channel after a date, newest first.
//   BM_SearchFilterOnly  one channel, newest first (no words).
// Each hit loads its message from RocksDB and builds a snippet, as the CLI does.
// The archive and index are built once, outside the timed loops, in a
// temporary directory removed at exit.

#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "index/index.h"
#include "query/directory.h"
#include "query/parser.h"
#include "query/search.h"
#include "store/archive.h"

namespace {

namespace core = backscroll::core;
namespace index = backscroll::index;
namespace query = backscroll::query;
namespace store = backscroll::store;

constexpr int kMessages = 50000;
constexpr int kChannels = 20;
constexpr int kUsers = 50;
constexpr std::int64_t kStart = 1577836800;  // 2020-01-01T00:00:00Z

[[noreturn]] void die(const char* what, const core::Error& error) {
  std::fprintf(stderr, "search_bench setup: %s: %s\n", what, error.describe().c_str());
  std::exit(1);
}

class Workspace {
 public:
  Workspace() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bsbench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    dir_ = pattern;
    auto archive = store::Archive::open(dir_ / "archive", store::OpenMode::kWritable);
    if (!archive) die("open archive", archive.error());
    archive_ = std::move(*archive);
    fill();
    if (auto r = index::catch_up(*archive_, dir_ / "index"); !r) die("catch_up", r.error());
    auto searcher = query::Searcher::open(*archive_, dir_ / "index");
    if (!searcher) die("open searcher", searcher.error());
    searcher_ = std::move(*searcher);
    auto directory = query::Directory::load(*archive_);
    if (!directory) die("load directory", directory.error());
    directory_ = std::make_unique<query::Directory>(std::move(*directory));
  }
  ~Workspace() {
    searcher_.reset();
    archive_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  const query::Searcher& searcher() const { return *searcher_; }
  const query::Directory& directory() const { return *directory_; }

 private:
  void fill() {
    std::mt19937_64 rng(42);
    std::vector<core::User> users;
    for (int i = 0; i < kUsers; ++i) {
      core::User u;
      u.id = core::UserId("U" + std::to_string(i));
      u.name = "user" + std::to_string(i);
      u.real_name = "User Number " + std::to_string(i);
      users.push_back(u);
    }
    std::vector<core::Conversation> conversations;
    for (int i = 0; i < kChannels; ++i) {
      core::Conversation c;
      c.id = core::ConversationId("C" + std::to_string(i));
      c.name = "channel-" + std::to_string(i);
      conversations.push_back(c);
    }
    if (auto r = archive_->put_users(users); !r) die("put_users", r.error());
    if (auto r = archive_->put_conversations(conversations); !r)
      die("put_conversations", r.error());

    static const char* const kSyllables[] = {"ka",  "lo",  "mi", "ne", "tor", "vel", "quin", "sa",
                                             "ber", "dun", "ex", "ri", "po",  "zen", "gal",  "fu"};
    std::vector<std::string> words = {"deploy", "failed", "database", "release", "alert"};
    while (words.size() < 5000) {
      std::string w;
      for (int s = 0, n = 2 + static_cast<int>(rng() % 3); s < n; ++s) w += kSyllables[rng() % 16];
      words.push_back(w);
    }
    std::vector<double> weights;
    for (std::size_t i = 0; i < words.size(); ++i) weights.push_back(1.0 / (i + 1));
    std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());

    std::vector<core::Message> batch;
    for (int i = 0; i < kMessages; ++i) {
      core::Message m;
      m.conversation_id = core::ConversationId("C" + std::to_string(rng() % kChannels));
      m.ts = core::SlackTs::from_micros((kStart + i * 630LL) * 1000000 + i % 1000);
      m.user_id = core::UserId("U" + std::to_string(rng() % kUsers));
      for (int w = 0, n = 4 + static_cast<int>(rng() % 27); w < n; ++w)
        m.text += (w ? " " : "") + words[pick(rng)];
      m.raw_text = m.text;
      batch.push_back(std::move(m));
      if (batch.size() == 5000) {
        if (auto r = archive_->upsert_messages(batch); !r) die("upsert", r.error());
        batch.clear();
      }
    }
    if (!batch.empty())
      if (auto r = archive_->upsert_messages(batch); !r) die("upsert", r.error());
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Archive> archive_;
  std::unique_ptr<query::Searcher> searcher_;
  std::unique_ptr<query::Directory> directory_;
};

const Workspace& workspace() {
  static const Workspace* w = new Workspace();  // Built once, on first use.
  return *w;
}

void BM_ParseQuery(benchmark::State& state) {
  const query::Directory& directory = workspace().directory();
  for (auto _ : state) {
    auto q = query::parse_query(
        "deploy OR release \"database failed\" in:#channel-3 "
        "from:@user7 after:2020-03-01 -alert",
        directory);
    if (!q) state.SkipWithError(q.error().message.c_str());
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_ParseQuery);

void run_search(benchmark::State& state, query::SearchRequest request) {
  const query::Searcher& searcher = workspace().searcher();
  std::uint64_t total = 0;
  for (auto _ : state) {
    auto result = searcher.search(request);
    if (!result) {
      state.SkipWithError(result.error().message.c_str());
      break;
    }
    total = result->total;
    benchmark::DoNotOptimize(result);
  }
  state.counters["total"] = static_cast<double>(total);
}

void BM_SearchWord(benchmark::State& state) { run_search(state, {.query = "database"}); }
BENCHMARK(BM_SearchWord);

void BM_SearchPhrase(benchmark::State& state) { run_search(state, {.query = "\"deploy failed\""}); }
BENCHMARK(BM_SearchPhrase);

void BM_SearchFiltered(benchmark::State& state) {
  run_search(state,
             {.query = "release in:#channel-3 after:2020-06-01", .sort = query::Sort::kNewest});
}
BENCHMARK(BM_SearchFiltered);

void BM_SearchFilterOnly(benchmark::State& state) {
  run_search(state, {.query = "in:#channel-5", .sort = query::Sort::kNewest});
}
BENCHMARK(BM_SearchFilterOnly);

}  // namespace

BENCHMARK_MAIN();
