#pragma once
// The one mapping from an error's code to an HTTP status, and the one JSON
// form of an error response: {"error":"<message>"}.

#include <string>
#include <string_view>

#include "core/error.h"

namespace backscroll::server {

inline constexpr int kStatusOk = 200;
inline constexpr int kStatusUnauthorized = 401;  // A wrong token (no ErrorCode: see access.h).

// 400 for what the caller got wrong (usage, bad query, bad input), 404 not
// found, 503 locked or storage trouble (worth retrying), 500 otherwise.
int http_status_for(core::ErrorCode code);

// {"error":"<message>"}.
std::string error_json(std::string_view message);

}  // namespace backscroll::server
