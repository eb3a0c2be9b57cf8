#pragma once
// The web page's files, embedded at build time (server/CMakeLists.txt turns
// server/web/* into a generated assets.cc). Internal to server/.

#include <span>
#include <string_view>

namespace backscroll::server {

struct Asset {
  std::string_view path;          // "/", "/app.js", "/style.css".
  std::string_view content_type;  // Without charset: all are UTF-8.
  std::string_view body;
};

std::span<const Asset> assets();

}  // namespace backscroll::server
