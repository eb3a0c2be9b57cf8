// backscroll reindex: rebuild the Xapian index from the archive alone.

#include <optional>
#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "index/index.h"

namespace backscroll::app {
namespace {

void describe(po::options_description& o, po::positional_options_description&) {
  o.add_options()("language", po::value<std::string>(),
                  "stemming language of the new index (english, german, french, ..., none; "
                  "default: the current index's, else english)");
}

int run(const Invocation& inv, const po::variables_map& vm, store::Archive& archive) {
  std::optional<index::Language> language;
  if (vm.count("language")) {
    auto parsed = index::Language::parse(vm["language"].as<std::string>());
    if (!parsed) return report_error(inv.err, parsed.error());
    language = *parsed;
  }
  auto stats = index::rebuild(archive, index_dir(inv.global), {}, language);
  if (!stats) return report_error(inv.err, stats.error());
  inv.out << "reindex: " << stats->applied << " messages indexed\n";
  return kExitOk;
}

}  // namespace

const Command kReindexCommand{"reindex", "rebuild the search index from the archive", "",
                              describe, nullptr, run};

}  // namespace backscroll::app
