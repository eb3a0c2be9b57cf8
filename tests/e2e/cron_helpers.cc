#include "tests/e2e/cron_helpers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/e2e/backscroll_cli.h"

namespace backscroll::testing {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

void replace_once(const std::filesystem::path& file, const std::string& from,
                  const std::string& to) {
  std::string text = read_text(file);
  std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << file;
  ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from << " twice in " << file;
  text.replace(at, from.size(), to);
  write_text(file, text);
}

std::filesystem::path copy_viewer_fixture(const std::filesystem::path& to) {
  std::filesystem::copy(fixture("slack/slack-export-viewer"), to,
                        std::filesystem::copy_options::recursive);
  return to;
}

}  // namespace backscroll::testing
