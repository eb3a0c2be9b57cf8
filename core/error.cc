#include "core/error.h"

namespace backscroll::core {

std::string Error::describe() const {
  std::string out;
  auto add = [&out](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ": ";
    out += part;
  };
  add(where.source);
  add(where.file);
  if (where.offset) add("byte " + std::to_string(*where.offset));
  if (where.column) add("column " + std::to_string(*where.column));
  add(message);
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kBadInput: return "bad_input";
    case ErrorCode::kBadQuery: return "bad_query";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kLocked: return "locked";
    case ErrorCode::kStorage: return "storage";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error make_error(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

}  // namespace backscroll::core
