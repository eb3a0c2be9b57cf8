#pragma once
// Lenient typed reads of simdjson On-Demand values, for the Slack readers only
// (internal header: simdjson stays inside ingest/).
//
// Real exports mix types: "created": "1452837318" vs 1452837318, "members": null,
// "topic": [] for an empty object. These helpers accept those and throw
// FieldTypeError for anything else (an object where a string belongs);
// parse_json_document() turns that, and simdjson's own errors, into a kBadInput
// core::Error carrying the byte offset.

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ingest/export_files.h"

namespace backscroll::ingest::slack {

using JsonValue = simdjson::ondemand::value;
using JsonObject = simdjson::ondemand::object;
using JsonArray = simdjson::ondemand::array;

// Thrown by the readers below; caught by parse_json_document().
class FieldTypeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown where a nested parse already knows the byte offset in the file.
class JsonLocatedError : public std::runtime_error {
 public:
  JsonLocatedError(const std::string& message, std::optional<std::uint64_t> offset)
      : std::runtime_error(message), offset(offset) {}
  std::optional<std::uint64_t> offset;
};

// A string; null -> ""; a number or boolean -> its JSON text. The view is valid
// until the parser moves on to the next document.
std::string_view json_string(JsonValue v, std::string_view field);
inline void json_string_into(JsonValue v, std::string_view field, std::string& out) {
  out.assign(json_string(v, field));
}
// An integer (a float is truncated), or a string holding one ("1452837318",
// "1459154014.000018"); null and "" -> nullopt.
std::optional<std::int64_t> json_int(JsonValue v, std::string_view field);
// A boolean; null -> false.
bool json_bool(JsonValue v, std::string_view field);
// An object; null and [] -> nullopt.
std::optional<JsonObject> json_object(JsonValue v, std::string_view field);
// An array; null and {} -> nullopt.
std::optional<JsonArray> json_array(JsonValue v, std::string_view field);

// Parses `data` and runs `body(document&)`. Translates simdjson errors and
// FieldTypeError into kBadInput with the byte offset (where the parser stood)
// when known. `body` must consume the whole document; trailing content is an
// error.
template <typename Body>
core::Result<void> parse_json_document(simdjson::ondemand::parser& parser, const EntryData& data,
                                       Body&& body);

// --- implementation ---
// Builds the kBadInput error; the offset comes from `doc` when given, is the
// end of the input when `code` says the input ended early, and is found by a
// scan (json_scan.h) for invalid UTF-8 and excess depth.
// True when `data` nests deeper than kMaxJsonDepth.
bool has_excess_depth(const EntryData& data);
inline constexpr std::size_t kMaxJsonDepth = 1024;
core::Error json_error(std::string message, const EntryData& data,
                       simdjson::ondemand::document* doc,
                       simdjson::error_code code = simdjson::SUCCESS);

template <typename Body>
core::Result<void> parse_json_document(simdjson::ondemand::parser& parser, const EntryData& data,
                                       Body&& body) {
  if (!simdjson::validate_utf8(data.data, data.size))
    return core::Unexpected{json_error("not valid UTF-8", data, nullptr, simdjson::UTF8_ERROR)};
  // On-Demand does not limit nesting, and the blocks reader recurses: refuse
  // absurd depth up front.
  if (has_excess_depth(data))
    return core::Unexpected{json_error("", data, nullptr, simdjson::DEPTH_ERROR)};
  simdjson::ondemand::document doc;
  if (auto err = parser.iterate(data.data, data.size, data.capacity).get(doc); err)
    return core::Unexpected{json_error(simdjson::error_message(err), data, nullptr, err)};
  try {
    body(doc);
    const char* where = nullptr;
    if (doc.current_location().get(where) == simdjson::SUCCESS)
      return core::Unexpected{json_error("trailing content after the JSON value", data, &doc)};
  } catch (const simdjson::simdjson_error& e) {
    return core::Unexpected{json_error(e.what(), data, &doc, e.error())};
  } catch (const FieldTypeError& e) {
    return core::Unexpected{json_error(e.what(), data, &doc)};
  } catch (const JsonLocatedError& e) {
    core::Error error = core::make_error(core::ErrorCode::kBadInput, e.what());
    error.where.offset = e.offset;
    return core::Unexpected{std::move(error)};
  }
  return {};
}

}  // namespace backscroll::ingest::slack
