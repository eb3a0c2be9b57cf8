// backscroll check: verify that store and index agree.

#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "index/index.h"

namespace backscroll::app {
namespace {

void describe(po::options_description&, po::positional_options_description&) {}

int run(const Invocation& inv, const po::variables_map&, const store::Archive& archive) {
  auto report = index::check(archive, index_dir(inv.global));
  if (!report) return report_error(inv.err, report.error());
  if (report->ok()) {
    inv.out << "check: ok, " << report->messages << " messages, " << report->documents
            << " documents\n";
    return kExitOk;
  }
  inv.out << "check: " << report->problems.size() << " problems (" << report->messages
          << " messages, " << report->documents << " documents)\n";
  for (const std::string& p : report->problems) inv.out << "  " << p << '\n';
  return kExitFailure;
}

}  // namespace

const Command kCheckCommand{"check", "verify that every message is indexed exactly once", "",
                            describe, run, nullptr,
                            "Exit code 0 when archive and index agree, 1 with a description "
                            "when not.\n"};

}  // namespace backscroll::app
