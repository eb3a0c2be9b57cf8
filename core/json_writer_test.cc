#include "core/json_writer.h"

#include <gtest/gtest.h>

namespace backscroll::core {
namespace {

TEST(JsonWriter, WritesNestedContainers) {
  JsonWriter w;
  w.begin_object();
  w.field("query", "disk");
  w.field("total", 2);
  w.key("hits");
  w.begin_array();
  w.value(true);
  w.null();
  w.begin_object();
  w.end_object();
  w.end_array();
  w.end_object();
  EXPECT_EQ(w.str(), R"({"query":"disk","total":2,"hits":[true,null,{}]})");
}

TEST(JsonWriter, EscapesStringsAndRepairsUtf8) {
  struct Case { std::string in; std::string out; };
  const Case cases[] = {
      {"a\"b\\c", R"("a\"b\\c")"},
      {"line\nnext\ttab", R"("line\nnext\ttab")"},
      {std::string("\x01", 1), R"("\u0001")"},
      {"Störung 日本", "\"Störung 日本\""},
      {"bad\xff", "\"bad\xEF\xBF\xBD\""},
      {"\xC3", "\"\xEF\xBF\xBD\""},
  };
  for (const Case& c : cases) {
    std::string out;
    append_json_string(out, c.in);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

}  // namespace
}  // namespace backscroll::core
