#include "tests/e2e/backscroll_cli.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace backscroll::testing {

BackscrollCli::BackscrollCli() = default;

ProcessResult BackscrollCli::run(const std::vector<std::string>& args,
                                 const std::map<std::string, std::string>& env) const {
  std::vector<std::string> argv = {BACKSCROLL_BINARY, "--archive", archive().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::map<std::string, std::string> full_env = {{"TZ", "UTC"}, {"HOME", dir().string()}};
  for (const auto& [k, v] : env) full_env[k] = v;
  return run_process(argv, full_env);
}

simdjson::dom::element BackscrollCli::json(const std::vector<std::string>& args) {
  ProcessResult r = run(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  last_out_ = r.out;
  simdjson::dom::element doc;
  auto error = parser_.parse(last_out_).get(doc);
  EXPECT_FALSE(error) << "not JSON: " << r.out;
  return doc;
}

std::vector<std::string> BackscrollCli::hit_keys(const std::string& query) {
  simdjson::dom::element doc = json({"search", "--json", "--limit", "10000", query});
  std::vector<std::string> keys;
  for (simdjson::dom::element hit : doc["hits"].get_array()) {
    std::string_view conv = hit["conversation_id"].get_string();
    std::string_view ts = hit["ts"].get_string();
    keys.push_back(std::string(conv) + "/" + std::string(ts));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string fixture(const std::string& relative) {
  return std::string(FIXTURES_DIR) + "/" + relative;
}

std::string generate_export(const std::filesystem::path& out, int messages, int seed, bool zip) {
  std::vector<std::string> argv = {GENEXPORT_BINARY, "--messages", std::to_string(messages),
                                   "--seed", std::to_string(seed)};
  if (zip) argv.push_back("--zip");
  argv.push_back(out.string());
  ProcessResult r = run_process(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

}  // namespace backscroll::testing
