#include "tests/generator/pretty_json.h"

#include <gtest/gtest.h>

#include <string>

namespace backscroll::generator {
namespace {

TEST(PrettyJson, Table) {
  struct Case {
    const char* compact;
    int indent;
    const char* pretty;
  };
  const Case cases[] = {
      {"[]", 0, "[]"},
      {"{}", 1, "    {}"},
      {"[1,2]", 0, "[\n    1,\n    2\n]"},
      {R"({"a":[1,{}],"b":"x"})", 1,
       "    {\n        \"a\": [\n            1,\n            {}\n        ],\n        \"b\": \"x\"\n"
       "    }"},
      // Structural characters and escaped quotes inside strings stay as they are.
      {R"({"t":"a,b:{c}[d] \"q\" \\"})", 0, "{\n    \"t\": \"a,b:{c}[d] \\\"q\\\" \\\\\"\n}"},
      {R"({"e":[],"n":null,"f":false})", 0,
       "{\n    \"e\": [],\n    \"n\": null,\n    \"f\": false\n}"},
  };
  for (const auto& c : cases) {
    std::string out;
    append_pretty(out, c.compact, c.indent);
    EXPECT_EQ(out, c.pretty) << c.compact;
  }
}

}  // namespace
}  // namespace backscroll::generator
