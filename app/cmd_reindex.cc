// backscroll reindex: rebuild the Xapian index from the archive alone.

#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "index/index.h"

namespace backscroll::app {
namespace {

void describe(po::options_description&, po::positional_options_description&) {}

int run(const Invocation& inv, const po::variables_map&, store::Archive& archive) {
  auto stats = index::rebuild(archive, index_dir(inv.global));
  if (!stats) return report_error(inv.err, stats.error());
  inv.out << "reindex: " << stats->applied << " messages indexed\n";
  return kExitOk;
}

}  // namespace

const Command kReindexCommand{"reindex", "rebuild the search index from the archive", "",
                              describe, nullptr, run};

}  // namespace backscroll::app
