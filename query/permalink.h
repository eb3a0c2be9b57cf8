#pragma once
// Slack permalinks for archived messages.
//
//   permalink("https://acme.slack.com", message C123 1601234567.000100)
//     -> "https://acme.slack.com/archives/C123/p1601234567000100"
//   a reply (thread_ts != ts) adds "?thread_ts=1601234500.000200&cid=C123".
//
// A trailing '/' on the workspace URL is ignored; an empty URL gives "".

#include <string>
#include <string_view>

#include "core/model.h"

namespace backscroll::query {

std::string permalink(std::string_view workspace_url, const core::Message& message);

}  // namespace backscroll::query
