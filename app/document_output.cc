#include "app/document_output.h"

#include <ostream>

#include "query/html_document.h"

namespace backscroll::app {

namespace po = boost::program_options;

// clang-format off
void describe_document_options(po::options_description& o) {
  o.add_options()
      ("workspace-url", po::value<std::string>(),
       "https://NAME.slack.com: link each message back to Slack (also config key workspace-url)")
      ("no-bots", "leave out bot messages (alerts, integrations)")
      ("anonymize", "replace people's names by Person 1, Person 2, ...; no permalinks");
}
// clang-format on

query::DocumentOptions document_options(const Invocation& inv, const po::variables_map& vm) {
  query::DocumentOptions options;
  options.workspace_url =
      vm.count("workspace-url") ? vm["workspace-url"].as<std::string>() : inv.global.workspace_url;
  options.include_bots = vm.count("no-bots") == 0;
  options.anonymize = vm.count("anonymize") > 0;
  return options;
}

void write_document(std::ostream& out, const std::string& format, const std::string& markdown) {
  if (format == "html")
    out << query::markdown_to_html_page(markdown);
  else
    out << markdown;
}

}  // namespace backscroll::app
