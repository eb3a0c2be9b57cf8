#pragma once
// Helpers shared by the cron_*_test.cc end-to-end tests: editing export files
// as text, and reading a file whole.

#include <filesystem>
#include <string>

namespace backscroll::testing {

std::string read_text(const std::filesystem::path& file);
void write_text(const std::filesystem::path& file, const std::string& text);
// Replaces the one occurrence of `from` in `file` by `to`; fails the test when
// `from` does not occur exactly once.
void replace_once(const std::filesystem::path& file, const std::string& from,
                  const std::string& to);
// A copy of the fixture slack/slack-export-viewer at `to`.
std::filesystem::path copy_viewer_fixture(const std::filesystem::path& to);

}  // namespace backscroll::testing
