#include "index/language.h"

#include <gtest/gtest.h>

namespace backscroll::index {
namespace {

TEST(LanguageTest, ParsesNamesAndAliases) {
  const struct {
    const char* input;
    const char* name;  // "" = kUsage error.
  } cases[] = {
      {"english", "english"}, {"German", "german"}, {"de", "german"}, {"fr", "french"},
      {"none", "none"},       {"klingon", ""},      {"", ""},
  };
  EXPECT_EQ(Language().name(), "english");
  for (const auto& c : cases) {
    auto language = Language::parse(c.input);
    if (*c.name == '\0') {
      ASSERT_FALSE(language) << c.input;
      EXPECT_EQ(language.error().code, core::ErrorCode::kUsage);
      EXPECT_NE(language.error().hint.find("german"), std::string::npos);
    } else {
      ASSERT_TRUE(language) << c.input;
      EXPECT_EQ(language->name(), c.name);
    }
  }
}

}  // namespace
}  // namespace backscroll::index
