// backscroll thread CONVERSATION TS: the whole thread containing a message.

#include <ostream>

#include "app/commands.h"
#include "app/document_output.h"
#include "app/exit_code.h"
#include "app/render_text.h"
#include "query/directory.h"
#include "query/json.h"

namespace backscroll::app {
namespace {

// clang-format off
void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()
      ("format", po::value<std::string>()->default_value("text"), "text, json, markdown or html")
      ("conversation", po::value<std::string>()->required(), "conversation id or name (#name)")
      ("ts", po::value<std::string>()->required(), "ts of any message of the thread");
  describe_document_options(o);
  p.add("conversation", 1).add("ts", 1);
}
// clang-format on

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive) {
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json" && format != "markdown" && format != "html")
    return report_error(
        inv.err,
        core::make_error(core::ErrorCode::kUsage,
                         "--format must be text, json, markdown or html, not '" + format + "'"));
  auto directory = query::Directory::load(archive);
  if (!directory) return report_error(inv.err, directory.error());
  auto thread = query::load_thread(archive, *directory, vm["conversation"].as<std::string>(),
                                   vm["ts"].as<std::string>());
  if (!thread) return report_error(inv.err, thread.error());
  if (format == "json")
    inv.out << query::to_json(*thread) << '\n';
  else if (format == "text")
    render_thread(inv.out, *thread);
  else
    write_document(inv.out, format,
                   query::thread_markdown(*thread, *directory, document_options(inv, vm)));
  return kExitOk;
}

}  // namespace

const Command kThreadCommand{
    "thread",
    "show the whole thread containing a message",
    "[options] CONVERSATION TS",
    describe,
    run,
    nullptr,
    "--format markdown or html makes a document of the thread for docs and\n"
    "postmortems: Slack markup as Markdown, names resolved, times in --tz.\n"};

}  // namespace backscroll::app
