// store/ micro-benchmarks: the value codec on a typical message, and upserts of
// 10k-message batches (new messages, then the same batch again: all unchanged).
// Data is built once outside the timed loops; each upsert run uses a fresh
// archive in a temporary directory.

#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/archive.h"
#include "tests/support/temp_dir.h"
#include "store/codec.h"

namespace {

using backscroll::core::Message;
namespace store = backscroll::store;

Message typical_message(int i) {
  Message m;
  m.conversation_id = backscroll::core::ConversationId("C0" + std::to_string(i % 40));
  m.ts = backscroll::core::SlackTs::from_micros(1516457078000000LL + i * 1000003LL);
  if (i % 5 == 0) m.thread_ts = m.ts;
  m.user_id = backscroll::core::UserId("U061F7AUR");
  m.raw_text = "Has anyone looked at <https://example.com/issue/" + std::to_string(i) +
               "|the deploy issue>? <@U2147483697> said it's flaky &amp; slow.";
  m.text = "Has anyone looked at the deploy issue? @bastian said it's flaky & slow.";
  m.links = {"https://example.com/issue/" + std::to_string(i)};
  if (i % 3 == 0)
    m.reactions = {{"+1", 2, {backscroll::core::UserId("U1"), backscroll::core::UserId("U2")}}};
  return m;
}

using backscroll::testing::TempDir;

void BM_EncodeMessage(benchmark::State& state) {
  const Message m = typical_message(3);
  for (auto _ : state) benchmark::DoNotOptimize(store::encode_message(m));
}
BENCHMARK(BM_EncodeMessage);

void BM_DecodeMessage(benchmark::State& state) {
  const std::string bytes = store::encode_message(typical_message(3));
  state.counters["bytes"] = static_cast<double>(bytes.size());
  for (auto _ : state) {
    auto m = store::decode_message(bytes);
    if (!m) state.SkipWithError(m.error().describe().c_str());
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_DecodeMessage);

std::vector<Message> batch(int offset, int n) {
  std::vector<Message> out;
  for (int i = 0; i < n; ++i) out.push_back(typical_message(offset + i));
  return out;
}

// Adds 10k new messages per iteration to one growing archive.
void BM_UpsertNew10k(benchmark::State& state) {
  TempDir dir;
  auto archive = store::Archive::open(dir.path(), store::OpenMode::kWritable);
  if (!archive) return state.SkipWithError(archive.error().describe().c_str());
  int offset = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Message> ms = batch(offset, 10000);
    offset += 10000;
    state.ResumeTiming();
    auto counts = (*archive)->upsert_messages(ms);
    if (!counts || counts->added != 10000) state.SkipWithError("upsert failed");
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_UpsertNew10k)->Unit(benchmark::kMillisecond);

// Re-upserts the same 10k stored messages: every one unchanged.
void BM_UpsertUnchanged10k(benchmark::State& state) {
  TempDir dir;
  auto archive = store::Archive::open(dir.path(), store::OpenMode::kWritable);
  if (!archive) return state.SkipWithError(archive.error().describe().c_str());
  const std::vector<Message> ms = batch(0, 10000);
  if (!(*archive)->upsert_messages(ms)) return state.SkipWithError("upsert failed");
  for (auto _ : state) {
    auto counts = (*archive)->upsert_messages(ms);
    if (!counts || counts->unchanged != 10000) state.SkipWithError("upsert failed");
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_UpsertUnchanged10k)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
