#include "app/exit_code.h"

#include <ostream>

namespace backscroll::app {

int exit_code_for(const core::Error& error) {
  switch (error.code) {
    case core::ErrorCode::kUsage:
    case core::ErrorCode::kBadQuery:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

int report_error(std::ostream& err, const core::Error& error) {
  err << "backscroll: " << error.describe() << '\n';
  return exit_code_for(error);
}

}  // namespace backscroll::app
