#pragma once
// The one JSON writer: a small streaming builder producing compact, valid
// UTF-8 JSON. Strings are escaped per RFC 8259; invalid UTF-8 bytes become
// U+FFFD so the output always parses. Usage:
//   JsonWriter w; w.begin_object(); w.key("total"); w.value(3); w.end_object();
//   std::string json = w.take();
// Misuse (a value where a key is due) is a programming error, not checked.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backscroll::core {

class JsonWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(std::int64_t n);
  void value(std::uint64_t n);
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(unsigned n) { value(static_cast<std::uint64_t>(n)); }
  void value(double d);
  void value(bool b);
  void null();
  // Appends already-serialized JSON as one value.
  void raw(std::string_view json);

  // Shorthand for key(k) followed by value(v).
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

  std::string take() { return std::move(out_); }
  const std::string& str() const { return out_; }

 private:
  void separate();
  std::string out_;
  std::vector<bool> first_;  // One entry per open container: no element yet.
  bool after_key_ = false;
};

// Appends `s` as a quoted, escaped JSON string.
void append_json_string(std::string& out, std::string_view s);

}  // namespace backscroll::core
