#include "query/permalink.h"

namespace backscroll::query {

std::string permalink(std::string_view workspace_url, const core::Message& message) {
  while (workspace_url.ends_with('/')) workspace_url.remove_suffix(1);
  if (workspace_url.empty()) return "";
  std::string ts = message.ts.str();
  std::erase(ts, '.');
  std::string url =
      std::string(workspace_url) + "/archives/" + message.conversation_id.str() + "/p" + ts;
  if (message.is_reply())
    url += "?thread_ts=" + message.thread_ts->str() + "&cid=" + message.conversation_id.str();
  return url;
}

}  // namespace backscroll::query
