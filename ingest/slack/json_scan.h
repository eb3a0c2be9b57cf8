#pragma once
// Locating what simdjson rejects without a position (internal to ingest/):
// invalid UTF-8 and nesting deeper than the parser's limit. Both scans run only
// after simdjson has said the input is bad, to name the byte offset.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace backscroll::ingest::slack {

// Offset of the first byte that starts an invalid UTF-8 sequence (overlong
// forms, surrogates and code points past U+10FFFF are invalid), or nullopt.
std::optional<std::uint64_t> find_invalid_utf8(std::string_view bytes);

// Offset of the first '[' or '{' (outside strings) that opens nesting level
// max_depth + 1, or nullopt.
std::optional<std::uint64_t> find_excess_depth(std::string_view json, std::size_t max_depth);

}  // namespace backscroll::ingest::slack
