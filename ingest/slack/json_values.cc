#include "ingest/slack/json_values.h"

#include <charconv>

#include "ingest/slack/json_scan.h"

namespace backscroll::ingest::slack {
namespace {

using simdjson::ondemand::json_type;

const char* type_name(json_type t) {
  switch (t) {
    case json_type::array:
      return "an array";
    case json_type::object:
      return "an object";
    case json_type::number:
      return "a number";
    case json_type::string:
      return "a string";
    case json_type::boolean:
      return "a boolean";
    case json_type::null:
      return "null";
  }
  return "something else";
}

[[noreturn]] void type_error(std::string_view field, const char* expected, json_type got) {
  throw FieldTypeError("field \"" + std::string(field) + "\": expected " + expected + ", got " +
                       type_name(got));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::optional<std::int64_t> parse_leading_int(std::string_view s) {
  bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  std::string_view rest(end, static_cast<std::size_t>(s.data() + s.size() - end));
  if (!rest.empty() && rest.front() != '.' && rest.front() != 'e' && rest.front() != 'E')
    return std::nullopt;
  return negative ? -n : n;
}

}  // namespace

std::string_view json_string(JsonValue v, std::string_view field) {
  json_type t = v.type();
  switch (t) {
    case json_type::string:
      return v.get_string();
    case json_type::null:
      return {};
    case json_type::number:
    case json_type::boolean:
      return trim(v.raw_json_token());
    default:
      type_error(field, "a string", t);
  }
}

std::optional<std::int64_t> json_int(JsonValue v, std::string_view field) {
  json_type t = v.type();
  switch (t) {
    case json_type::null:
      return std::nullopt;
    case json_type::number: {
      auto n = parse_leading_int(trim(v.raw_json_token()));
      if (!n) throw FieldTypeError("field \"" + std::string(field) + "\": number out of range");
      return n;
    }
    case json_type::string: {
      std::string_view s = v.get_string();
      if (s.empty()) return std::nullopt;
      auto n = parse_leading_int(s);
      if (!n)
        throw FieldTypeError("field \"" + std::string(field) + "\": expected a number, got \"" +
                             std::string(s.substr(0, 40)) + "\"");
      return n;
    }
    default:
      type_error(field, "a number", t);
  }
}

bool json_bool(JsonValue v, std::string_view field) {
  json_type t = v.type();
  switch (t) {
    case json_type::boolean:
      return v.get_bool();
    case json_type::null:
      return false;
    default:
      type_error(field, "a boolean", t);
  }
}

std::optional<JsonObject> json_object(JsonValue v, std::string_view field) {
  json_type t = v.type();
  switch (t) {
    case json_type::object:
      return JsonObject(v.get_object());
    case json_type::null:
      return std::nullopt;
    case json_type::array: {
      JsonArray a = v.get_array();
      if (bool empty = a.is_empty(); empty) return std::nullopt;
      type_error(field, "an object", t);
    }
    default:
      type_error(field, "an object", t);
  }
}

std::optional<JsonArray> json_array(JsonValue v, std::string_view field) {
  json_type t = v.type();
  switch (t) {
    case json_type::array:
      return JsonArray(v.get_array());
    case json_type::null:
      return std::nullopt;
    case json_type::object: {
      JsonObject o = v.get_object();
      if (bool empty = o.is_empty(); empty) return std::nullopt;
      type_error(field, "an array", t);
    }
    default:
      type_error(field, "an array", t);
  }
}

bool has_excess_depth(const EntryData& data) {
  return find_excess_depth(data.view(), kMaxJsonDepth).has_value();
}

core::Error json_error(std::string message, const EntryData& data,
                       simdjson::ondemand::document* doc, simdjson::error_code code) {
  core::Error e = core::make_error(core::ErrorCode::kBadInput, std::move(message));
  if (code == simdjson::UTF8_ERROR) {
    e.where.offset = find_invalid_utf8(data.view());
  } else if (code == simdjson::DEPTH_ERROR) {
    e.message = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    e.where.offset = find_excess_depth(data.view(), kMaxJsonDepth);
  } else if (code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || code == simdjson::UNCLOSED_STRING) {
    e.where.offset = data.size;  // The input ended early: point at its end.
  } else if (doc != nullptr) {
    const char* where = nullptr;
    if (doc->current_location().get(where) == simdjson::SUCCESS && where >= data.data)
      e.where.offset = static_cast<std::uint64_t>(where - data.data);
  }
  return e;
}

}  // namespace backscroll::ingest::slack
