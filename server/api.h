#pragma once
// The JSON API behind `backscroll serve`, free of HTTP plumbing: each route
// takes the caller and its parameters and returns a status and a body.
// Internal to server/ (server.cc wires it to cpp-httplib).
//
//   GET /api/search?q=&limit=&offset=&sort=&facets=&threads=&recency=
//                         -> query::to_json(SearchResult), as `search --json`
//   GET /api/thread/C/TS  -> query::to_json(ThreadView), as `thread --format json`
//   GET /api/context/C/TS?before=&after=   -> query::to_json(ContextView)
//   GET /api/conversations -> {"conversations":[{id,name,kind,topic,purpose,archived,members}]}
//   GET /api/stats        -> query::to_json(ArchiveStats) of what the caller sees
//   GET /healthz          -> {"status":"ok"}
//
// Every route reads the snapshot current when it starts and answers only
// from the caller's View.

#include <map>
#include <string>
#include <string_view>

#include "server/access.h"
#include "server/snapshot.h"

namespace backscroll::server {

struct Reply {
  int status = 200;
  std::string body;  // JSON.
};

using Params = std::multimap<std::string, std::string>;

class Api {
 public:
  Api(LiveArchive& live, std::string workspace_url)
      : live_(live), workspace_url_(std::move(workspace_url)) {}

  Reply search(const Caller& caller, const Params& params) const;
  Reply thread(const Caller& caller, std::string_view conversation, std::string_view ts) const;
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
