#include "tests/generator/export_generator.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

#include "core/json_writer.h"
#include "tests/generator/conversation_stream.h"
#include "tests/generator/export_sink.h"
#include "tests/generator/pacific_time.h"
#include "tests/generator/pretty_json.h"
#include "tests/generator/workspace.h"

namespace backscroll::generator {
namespace {

// Splits `total` by the conversations' weights: floor shares, then the
// remainder one by one to the heaviest conversations (ties by position).
std::vector<std::uint64_t> allocate(const Workspace& ws, std::uint64_t total) {
  const std::size_t n = ws.conversations.size();
  std::uint64_t weight_sum = 0;
  for (const auto& c : ws.conversations) weight_sum += static_cast<std::uint64_t>(c.weight);
  std::vector<std::uint64_t> counts(n);
  std::uint64_t given = 0;
  for (std::size_t i = 0; i < n; ++i) {
    counts[i] = static_cast<std::uint64_t>(static_cast<unsigned __int128>(total) *
                                           ws.conversations[i].weight / weight_sum);
    given += counts[i];
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ws.conversations[a].weight > ws.conversations[b].weight;
  });
  for (std::size_t k = 0; given < total; k = (k + 1) % n, ++given) counts[order[k]] += 1;
  return counts;
}

core::Result<void> write_metadata(ExportSink& sink, const std::string& name,
                                  const std::string& compact, ExportStats& stats) {
  std::string pretty;
  pretty.reserve(compact.size() * 2);
  append_pretty(pretty, compact, 0);
  stats.bytes += pretty.size();
  return sink.write(name, pretty);
}

}  // namespace

core::Result<ExportStats> generate_export(const GeneratorOptions& options,
                                          const std::filesystem::path& out) {
  if (options.days < 1) return core::fail(core::ErrorCode::kUsage, "--days must be >= 1");
  const std::int64_t epoch = pacific_to_utc(options.start, 0);
  auto sink = options.zip ? ExportSink::open_zip(out, epoch) : ExportSink::open_folder(out);
  if (!sink) return core::Unexpected{sink.error()};

  const Workspace ws = build_workspace(options.seed, epoch);
  ExportStats stats;
  stats.users = ws.users.size();
  struct Meta {
    const char* name;
    std::string json;
  };
  const Meta metas[] = {
      {"users.json", users_json(ws)},
      {"channels.json", conversations_json(ws, ConversationKind::kChannel)},
      {"groups.json", conversations_json(ws, ConversationKind::kGroup)},
      {"dms.json", conversations_json(ws, ConversationKind::kDm)},
      {"mpims.json", conversations_json(ws, ConversationKind::kMpim)},
  };
  for (const auto& m : metas) {
    auto r = write_metadata(**sink, m.name, m.json, stats);
    if (!r) return core::Unexpected{r.error()};
  }

  const auto counts = allocate(ws, options.messages);
  for (std::size_t i = 0; i < ws.conversations.size(); ++i) {
    if (counts[i] == 0) continue;
    StreamOptions so;
    so.seed = mix_seed(options.seed ^ mix_seed(i + 1));
    so.count = counts[i];
    so.start = options.start;
    so.days = options.days;
    auto r = write_conversation(ws, ws.conversations[i], so, **sink, stats);
    if (!r) return core::Unexpected{r.error()};
    stats.conversations += 1;
  }
  auto closed = (*sink)->close();
  if (!closed) return core::Unexpected{closed.error()};
  return stats;
}

std::string manifest_json(const ExportStats& s, const GeneratorOptions& o) {
  core::JsonWriter w;
  w.begin_object();
  w.field("messages", s.messages);
  w.field("conversations", s.conversations);
  w.field("users", s.users);
  w.field("day_files", s.day_files);
  w.field("threads", s.threads);
  w.field("replies", s.replies);
  w.field("bot_messages", s.bot_messages);
  w.field("app_posts", s.app_posts);
  w.field("bytes", s.bytes);
  w.field("seed", o.seed);
  w.field("start", core::format_day(o.start));
  w.field("days", o.days);
  w.field("zip", o.zip);
  w.field("format", kDayFileFormat);
  w.end_object();
  return w.take();
}

}  // namespace backscroll::generator
