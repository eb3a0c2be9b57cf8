#include "index/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace backscroll::index {
namespace {

std::string joined(const std::vector<std::string_view>& parts) {
  std::string out;
  for (std::string_view p : parts) (out += out.empty() ? "" : "|") += p;
  return out;
}

TEST(TokenizerTest, IdentifierParts) {
  const struct {
    const char* word;
    const char* parts;  // '|'-separated; "" = no split.
  } cases[] = {
      {"OutOfMemoryError", "Out|Of|Memory|Error"},
      {"outOfMemory", "out|Of|Memory"},
      {"disk_space", "disk|space"},
      {"DISK_FULL", "DISK|FULL"},
      {"node_filesystem_avail_bytes", "node|filesystem|avail|bytes"},
      {"HTTPServer", "HTTP|Server"},
      {"XMLHttpRequest", "XML|Http|Request"},
      {"ipv4Address", "ipv4|Address"},
      {"k8sCluster", "k8s|Cluster"},
      {"__init__", "init"},
      {"x86_64", "x86|64"},
      {"iPhone", "i|Phone"},
      {"deploy", ""},
      {"Deploy", ""},
      {"HTTP", ""},
      {"batch2", ""},
      {"2FA", ""},
      {"_", ""},
      {"aGVsbG8gV29ybGQ", ""},     // base64: looks random, not split
      {"ABaBcDeFgHiJkLmNoP", ""},  // more than 8 parts
  };
  for (const auto& c : cases) EXPECT_EQ(joined(identifier_parts(c.word)), c.parts) << c.word;
}

std::string exact_of(const TechnicalTerms& t) {
  std::string out;
  for (const std::string& e : t.exact) (out += out.empty() ? "" : " ") += e;
  return out;
}

TEST(TokenizerTest, TechnicalTermsOfText) {
  const struct {
    const char* text;
    const char* part_text;
    const char* exact;
  } cases[] = {
      {"plain words only", "", ""},
      {"java.lang.OutOfMemoryError: heap", "Out Of Memory Error\n", ""},
      {"alert disk_space._ firing", "disk space\n", ""},
      {"fixed in 7cf4e0a9b1c2d3e4f5a6", "",
       "7cf4e0a 7cf4e0a9 7cf4e0a9b 7cf4e0a9b1 7cf4e0a9b1c 7cf4e0a9b1c2"},
      {"commit 7CF4E0A9", "", "7cf4e0a"},
      {"short 7cf4e0a", "", ""},       // already 7 characters
      {"number 16012345678", "", ""},  // digits only: not a hash
      {"word deadbeefcafe", "", ""},   // letters only: not a hash
      {"host 10.0.3.17 down", "", "10.0 10.0.3"},
      {"10.0.3.17:8080,", "", "10.0 10.0.3"},
      {"cidr 192.168.0.0/16", "", "192.168 192.168.0"},
      {"version 1.2.3.4.5", "", ""},  // longer dotted number
      {"bad 300.1.2.3", "", ""},      // octet over 255
      {"v1.2.3.4", "", ""},           // part of a word
      {"Störung im NetzWerk", "Netz Werk\n", ""},
      {"ÄrgerNis", "", ""},  // touches non-ASCII: left alone
      {":white_check_mark: done", "white check mark\n", ""},
      {"https://grafana.example.com/d/abc?x=1", "", ""},
      {"feature/dat-220 #6888", "", ""},
  };
  for (const auto& c : cases) {
    TechnicalTerms t;
    find_technical_terms(c.text, t);
    EXPECT_EQ(t.part_text, c.part_text) << c.text;
    EXPECT_EQ(exact_of(t), c.exact) << c.text;
  }
}

TEST(TokenizerTest, FoldAccents) {
  const struct {
    const char* word;
    const char* folded;  // "" = unchanged (returns false).
  } cases[] = {
      {"störung", "storung"},
      {"café", "cafe"},
      {"straße", "strasse"},
      {"ærøskøbing", "aeroskobing"},
      {"œuvre", "oeuvre"},
      {"łódź", "lodz"},
      {"čeština", "cestina"},
      {"ångström", "angstrom"},
      {"São", "Sao"},
      {"e\xCC\x81t\xC3\xA9", "ete"},  // combining acute, then precomposed é
      {"deploy", ""},
      {"東京", ""},
      {"×÷", ""},
  };
  for (const auto& c : cases) {
    std::string out;
    const bool changed = fold_accents(c.word, out);
    EXPECT_EQ(changed, *c.folded != '\0') << c.word;
    if (changed) {
      EXPECT_EQ(out, c.folded) << c.word;
    }
  }
}

}  // namespace
}  // namespace backscroll::index
