// backscroll thread CONVERSATION TS: the whole thread containing a message.

#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "app/render_text.h"
#include "query/json.h"

namespace backscroll::app {
namespace {

void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()
      ("format", po::value<std::string>()->default_value("text"), "text or json")
      ("conversation", po::value<std::string>()->required(), "conversation id or name (#name)")
      ("ts", po::value<std::string>()->required(), "ts of any message of the thread");
  p.add("conversation", 1).add("ts", 1);
}

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive) {
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json")
    return report_error(inv.err, core::make_error(core::ErrorCode::kUsage,
                                                  "--format must be text or json, not '" + format + "'"));
  auto thread = query::load_thread(archive, vm["conversation"].as<std::string>(),
                                   vm["ts"].as<std::string>());
  if (!thread) return report_error(inv.err, thread.error());
  if (format == "json")
    inv.out << query::to_json(*thread) << '\n';
  else
    render_thread(inv.out, *thread);
  return kExitOk;
}

}  // namespace

const Command kThreadCommand{"thread", "show the whole thread containing a message",
                             "[options] CONVERSATION TS", describe, run, nullptr};

}  // namespace backscroll::app
