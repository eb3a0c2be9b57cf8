#pragma once
// Tests only: the shared temporary directory (tests/support/temp_dir.h).

#include "tests/support/temp_dir.h"

namespace backscroll::store {

using TestTempDir = backscroll::testing::TempDir;

}  // namespace backscroll::store
