// backscroll export QUERY...: every thread matching a search as one document.

#include <ostream>

#include "app/commands.h"
#include "app/document_output.h"
#include "app/exit_code.h"
#include "query/digest.h"

namespace backscroll::app {
namespace {

// clang-format off
void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()
      ("format", po::value<std::string>()->default_value("markdown"), "markdown or html")
      ("threads", "each matching thread whole, not only its matching messages")
      ("limit", po::value<std::size_t>()->default_value(500), "newest matching messages to take")
      ("query", po::value<std::vector<std::string>>()->required(), "the query (as for search)");
  describe_document_options(o);
  p.add("query", -1);
}
// clang-format on

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive) {
  const std::string format = vm["format"].as<std::string>();
  if (format != "markdown" && format != "html")
    return report_error(
        inv.err, core::make_error(core::ErrorCode::kUsage,
                                  "--format must be markdown or html, not '" + format + "'"));
  if (vm["limit"].as<std::size_t>() == 0)
    return report_error(inv.err,
                        core::make_error(core::ErrorCode::kUsage, "--limit must be at least 1"));
  query::DigestRequest request;
  for (const std::string& word : vm["query"].as<std::vector<std::string>>())
    request.search.query += (request.search.query.empty() ? "" : " ") + word;
  request.whole_threads = vm.count("threads") > 0;
  request.max_hits = vm["limit"].as<std::size_t>();
  const query::DocumentOptions options = document_options(inv, vm);
  request.include_bots = options.include_bots;
  auto searcher = query::Searcher::open(archive, index_dir(inv.global));
  if (!searcher) return report_error(inv.err, searcher.error());
  auto digest = query::collect_digest(**searcher, archive, request);
  if (!digest) return report_error(inv.err, digest.error());
  write_document(inv.out, format,
                 query::digest_markdown(*digest, *(*searcher)->directory(), options));
  return kExitOk;
}

}  // namespace

const Command kExportCommand{
    "export",
    "write the threads matching a search as one Markdown or HTML document",
    "[options] QUERY...",
    describe,
    run,
    nullptr,
    "Threads come newest first, each under its own heading, with the matching\n"
    "messages (--threads: the whole thread). The query language is search's.\n"
    "Example: backscroll export --threads --format html 'in:#incidents disk' > disk.html\n"};

}  // namespace backscroll::app
