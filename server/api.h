#pragma once
// The JSON API behind `backscroll serve`, free of HTTP plumbing: each route
// takes the caller and its parameters and returns a status, a content type
// and a body. Internal to server/ (server.cc wires it to cpp-httplib).
//
//   GET /api/search?q=&limit=&offset=&sort=&facets=&threads=&recency=
//                         -> query::to_json(SearchResult), as `search --json`
//   GET /api/thread/C/TS?format=&bots=&anonymize=&download=
//                         -> format json (the default): query::to_json(ThreadView),
//                            as `thread --format json`;
//                            markdown: query::thread_markdown (text/markdown),
//                            as `thread --format markdown`;
//                            html: query::markdown_to_html_page of that Markdown
//                            (text/html), as `thread --format html`, with
//                            download=1 an attachment named
//                            thread-<conversation id>-<thread ts>.html.
//                            bots=0 leaves bot messages out, anonymize=1
//                            replaces names (query/markdown_document.h); both
//                            apply to markdown and html only.
//   GET /api/context/C/TS?before=&after=   -> query::to_json(ContextView)
//   GET /api/conversations -> {"conversations":[{id,name,kind,topic,purpose,archived,members}]}
//   GET /api/stats        -> query::to_json(ArchiveStats) of what the caller sees
//   GET /healthz          -> {"status":"ok"}
//
// Every route reads the snapshot current when it starts and answers only
// from the caller's View. Errors are always JSON (error_reply), whatever
// format was asked for.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/access.h"
#include "server/snapshot.h"

namespace backscroll::server {

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = kJsonType;
  // Headers besides Content-Type and Cache-Control, e.g. Content-Disposition.
  std::vector<std::pair<std::string, std::string>> headers = {};
};

using Params = std::multimap<std::string, std::string>;

class Api {
 public:
  Api(LiveArchive& live, std::string workspace_url)
      : live_(live), workspace_url_(std::move(workspace_url)) {}

  Reply search(const Caller& caller, const Params& params) const;
  Reply thread(const Caller& caller, std::string_view conversation, std::string_view ts,
               const Params& params) const;
  Reply context(const Caller& caller, std::string_view conversation, std::string_view ts,
                const Params& params) const;
  Reply conversations(const Caller& caller) const;
  Reply stats(const Caller& caller) const;
  Reply health() const;

 private:
  LiveArchive& live_;
  std::string workspace_url_;
};

// {"error": describe()} with http_status_for(error.code).
Reply error_reply(const core::Error& error);

}  // namespace backscroll::server
