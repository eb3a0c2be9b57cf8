#include "server/http_status.h"

#include "core/json_writer.h"

namespace backscroll::server {

int http_status_for(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kUsage:
    case core::ErrorCode::kBadQuery:
    case core::ErrorCode::kBadInput:
      return 400;
    case core::ErrorCode::kNotFound:
      return 404;
    case core::ErrorCode::kLocked:
    case core::ErrorCode::kStorage:
      return 503;
    case core::ErrorCode::kCorrupt:
    case core::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string error_json(std::string_view message) {
  core::JsonWriter w;
  w.begin_object();
  w.field("error", message);
  w.end_object();
  return w.take();
}

}  // namespace backscroll::server
