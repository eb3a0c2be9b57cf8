#include "core/slack_ts.h"

#include <gtest/gtest.h>

namespace backscroll::core {
namespace {

TEST(SlackTs, ParsesCanonicalAndShortForms) {
  struct Case { const char* text; bool ok; std::int64_t micros; };
  const Case cases[] = {
      {"1516457078.000065", true, 1516457078000065},
      {"1516457078", true, 1516457078000000},
      {"1516457078.5", true, 1516457078500000},
      {"0.000001", true, 1},
      {"", false, 0},
      {".5", false, 0},
      {"1516457078.", false, 0},
      {"1516457078.0000001", false, 0},
      {"15164x7078.000065", false, 0},
      {"-1.000000", false, 0},
  };
  for (const Case& c : cases) {
    auto ts = SlackTs::parse(c.text);
    EXPECT_EQ(ts.has_value(), c.ok) << c.text;
    if (ts) {
      EXPECT_EQ(ts->micros(), c.micros) << c.text;
      EXPECT_EQ(ts->str(), c.text);
    }
  }
}

TEST(SlackTs, FromMicrosIsCanonical) {
  EXPECT_EQ(SlackTs::from_micros(1516457078000065).str(), "1516457078.000065");
  EXPECT_EQ(SlackTs::from_micros(1516457078000065), *SlackTs::parse("1516457078.000065"));
}

TEST(SlackTs, OrdersByTime) {
  EXPECT_LT(*SlackTs::parse("999999999.9"), *SlackTs::parse("1000000000.000001"));
}

}  // namespace
}  // namespace backscroll::core
