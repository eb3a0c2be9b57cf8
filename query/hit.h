#pragma once
// Hit: one message as search results and thread views show it, with the names
// resolved for people (see Directory for how names are chosen).

#include <string>

#include "core/model.h"

namespace backscroll::query {

class Directory;

struct Hit {
  core::Message message;
  // Channel name; for a DM the other person's shown name; a group DM its name.
  std::string conversation;
  // Shown name: author_name for bots, else User::shown_name(), falling back to the id.
  std::string user;
  // HTML-escaped text with <mark>…</mark> around matched words (see JSON.md);
  // empty in thread views.
  std::string snippet;
  // Slack permalink (permalink.h) when the search had a workspace URL, else "".
  std::string permalink;
};

// A Hit for `message` with names from `directory` and an empty snippet.
Hit make_hit(core::Message message, const Directory& directory);

}  // namespace backscroll::query
