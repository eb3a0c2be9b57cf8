#include "index/xapian_error.h"

#include <string_view>

namespace backscroll::index {

core::Error translate_xapian_error(const Xapian::Error& error, const std::string& context) {
  core::ErrorCode code = core::ErrorCode::kStorage;
  std::string hint;
  // Xapian::Error has no virtual functions, so the class is told by get_type().
  const std::string_view type = error.get_type();
  if (type == "DatabaseLockError") {
    code = core::ErrorCode::kLocked;
    hint = "another backscroll process is writing the index";
  } else if (type == "DatabaseCorruptError" || type == "DatabaseVersionError") {
    code = core::ErrorCode::kCorrupt;
    hint = "run `backscroll reindex` to rebuild the index from the archive";
  } else if (type == "DatabaseNotFoundError") {
    code = core::ErrorCode::kNotFound;
  }
  std::string message = context + ": " + error.get_type() + ": " + error.get_msg();
  if (const char* errno_text = error.get_error_string()) {
    message += " (";
    message += errno_text;
    message += ')';
  }
  core::Error out = core::make_error(code, std::move(message));
  out.hint = std::move(hint);
  return out;
}

}  // namespace backscroll::index
