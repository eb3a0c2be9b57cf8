#pragma once
// Exit codes of the backscroll binary, documented in the README:
// 0 success, 1 failure (including partial ingest), 2 usage error.

#include <iosfwd>

#include "core/error.h"

namespace backscroll::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The one mapping from an error's code to the process exit code.
int exit_code_for(const core::Error& error);

// Prints "backscroll: <description>" on `err` and returns exit_code_for(error).
int report_error(std::ostream& err, const core::Error& error);

}  // namespace backscroll::app
