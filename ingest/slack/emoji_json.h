#pragma once
// The emoji table as embedded at build time (internal to ingest/): the text of
// Debian node-emoji's emoji.json, a flat JSON object from shortcode to emoji,
// e.g. {"100":"💯","fire":"🔥",...}. The build checks that it is a JSON object.
// Generated into the build tree by ingest/embed_emoji.cmake.

#include <string_view>

namespace backscroll::ingest::slack {

std::string_view emoji_json();

}  // namespace backscroll::ingest::slack
