// backscroll context CONVERSATION TS: the messages around one message.

#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "app/render_text.h"
#include "query/directory.h"
#include "query/json.h"

namespace backscroll::app {
namespace {

// clang-format off
void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()
      ("before", po::value<std::size_t>()->default_value(5), "messages before it")
      ("after", po::value<std::size_t>()->default_value(5), "messages after it")
      ("json", "print one JSON object (query/JSON.md)")
      ("conversation", po::value<std::string>()->required(), "conversation id or name (#name)")
      ("ts", po::value<std::string>()->required(), "the message's ts");
  p.add("conversation", 1).add("ts", 1);
}
// clang-format on

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive) {
  auto directory = query::Directory::load(archive);
  if (!directory) return report_error(inv.err, directory.error());
  auto context = query::load_context(archive, *directory, vm["conversation"].as<std::string>(),
                                     vm["ts"].as<std::string>(), vm["before"].as<std::size_t>(),
                                     vm["after"].as<std::size_t>());
  if (!context) return report_error(inv.err, context.error());
  if (vm.count("json"))
    inv.out << query::to_json(*context) << '\n';
  else
    render_context(inv.out, *context);
  return kExitOk;
}

}  // namespace

const Command kContextCommand{
    "context",
    "show the messages around a message (in its channel, or its thread for a reply)",
    "[options] CONVERSATION TS",
    describe,
    run,
    nullptr};

}  // namespace backscroll::app
