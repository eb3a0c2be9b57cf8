#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <string>
#include <system_error>

namespace backscroll::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "backscroll-test-XXXXXX").string();
  path_ = mkdtemp(tmpl.data());
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace backscroll::testing
