// backscroll stats: what the archive holds.

#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "core/calendar.h"
#include "query/json.h"

namespace backscroll::app {
namespace {

void describe(po::options_description& o, po::positional_options_description&) {
  o.add_options()("json", "print one JSON object");
}

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive) {
  auto stats = archive.stats();
  if (!stats) return report_error(inv.err, stats.error());
  if (vm.count("json")) {
    inv.out << query::to_json(*stats) << '\n';
    return kExitOk;
  }
  std::ostream& out = inv.out;
  out << "messages       " << stats->messages << '\n'
      << "conversations  " << stats->conversations << '\n'
      << "users          " << stats->users << '\n'
      << "threads        " << stats->threads << '\n';
  if (stats->first)
    out << "first message  " << core::format_iso_utc(stats->first->micros()) << '\n'
        << "last message   " << core::format_iso_utc(stats->last->micros()) << '\n';
  out << "by kind       ";
  for (const auto& [kind, n] : stats->messages_by_kind) out << ' ' << kind << '=' << n;
  out << "\nconversations ";
  for (const auto& [kind, n] : stats->conversations_by_kind) out << ' ' << kind << '=' << n;
  out << '\n';
  return kExitOk;
}

}  // namespace

const Command kStatsCommand{"stats", "count what the archive holds", "[options]", describe, run,
                            nullptr};

}  // namespace backscroll::app
