#include "index/document_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "index/schema.h"
#include "index/test_util.h"

namespace backscroll::index {
namespace {

using testing::boolean_terms_of;
using testing::message;
using testing::terms_of;
using testing::ts;

struct Case {
  const char* name;
  std::function<core::Message()> make;
  std::vector<std::string> boolean_terms;  // Sorted, as Xapian lists them.
  std::string author_value;
};

core::Message plain() { return message("C1", "1516457078.000065", "U1", "hello"); }

TEST(DocumentBuilderTest, BooleanTermsValuesAndData) {
  const std::vector<Case> cases = {
      {"plain", plain, {"QC1:1516457078.000065", "XAU1", "XCC1", "XKplain"}, "U1"},
      {"reply",
       [] {
         auto m = plain();
         m.thread_ts = ts("1516457000.000100");
         return m;
       },
       {"QC1:1516457078.000065", "XAU1", "XCC1", "XIreply", "XIthread", "XKplain",
        "XTC1:1516457000.000100"},
       "U1"},
      {"thread parent",
       [] {
         auto m = plain();
         m.thread_ts = m.ts;
         m.reply_count = 2;
         return m;
       },
       {"QC1:1516457078.000065", "XAU1", "XCC1", "XIthread", "XKplain", "XTC1:1516457078.000065"},
       "U1"},
      {"bot with attachment and link",
       [] {
         auto m = plain();
         m.user_id = core::UserId("B9");
         m.kind = core::MessageKind::kBot;
         m.is_bot = true;
         m.attachments.push_back(core::Attachment{.title = "Alert"});
         m.links = {"https://example.com"};
         return m;
       },
       {"QC1:1516457078.000065", "XAB9", "XCC1", "XHattachment", "XHlink", "XIbot", "XKbot"},
       "B9"},
      {"bot with a name and reactions",
       [] {
         auto m = plain();
         m.user_id = core::UserId("B7");
         m.author_name = "PagerDuty";
         m.kind = core::MessageKind::kBot;
         m.reactions.push_back(core::Reaction{.name = "Fire", .count = 1});
         m.reactions.push_back(core::Reaction{.name = "+1::skin-tone-2", .count = 2});
         m.reactions.push_back(core::Reaction{.name = "::", .count = 1});
         return m;
       },
       {"QC1:1516457078.000065", "XAB7", "XBpagerduty", "XCC1", "XHreaction", "XIbot", "XKbot",
        "XR+1", "XRfire"},
       "B7"},
      {"file, reaction, pin, edited",
       [] {
         auto m = plain();
         m.kind = core::MessageKind::kFileShare;
         m.files.push_back(core::FileRef{.id = "F1", .name = "notes.txt"});
         m.reactions.push_back(core::Reaction{.name = "+1", .count = 1});
         m.pinned = true;
         m.edited_ts = ts("1516457099.000000");
         return m;
       },
       {"QC1:1516457078.000065", "XAU1", "XCC1", "XHfile", "XHpin", "XHreaction", "XIedited",
        "XKfile_share", "XR+1"},
       "U1"},
      {"no author",
       [] {
         auto m = plain();
         m.user_id = core::UserId();
         m.kind = core::MessageKind::kChannelEvent;
         return m;
       },
       {"QC1:1516457078.000065", "XCC1", "XKchannel_event"},
       ""},
  };
  DocumentBuilder builder;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Xapian::Document doc = builder.build(c.make());
    EXPECT_EQ(boolean_terms_of(doc), c.boolean_terms);
    EXPECT_EQ(doc.get_data(), "C1\n1516457078.000065");
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(kSlotTime)), 1516457078.000065);
    EXPECT_EQ(doc.get_value(kSlotConversation), "C1");
    EXPECT_EQ(doc.get_value(kSlotAuthor), c.author_value);
    EXPECT_EQ(doc.get_value(kSlotMonth), "2018-01");
  }
}

TEST(DocumentBuilderTest, FreeTextHasWordsWithPositionsAndStems) {
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(message("C1", "1516457078.000065", "U1", "Full disks"));
  EXPECT_EQ(terms_of(doc),
            (std::vector<std::string>{"QC1:1516457078.000065", "XAU1", "XCC1", "XKplain", "Zdisk",
                                      "Zfull", "disks", "full"}));
  auto it = doc.termlist_begin();
  it.skip_to("disks");
  ASSERT_EQ(*it, "disks");
  EXPECT_EQ(std::vector<Xapian::termpos>(it.positionlist_begin(), it.positionlist_end()),
            std::vector<Xapian::termpos>{2});
  auto stem = doc.termlist_begin();
  stem.skip_to("Zdisk");
  ASSERT_EQ(*stem, "Zdisk");
  EXPECT_TRUE(stem.positionlist_begin() == stem.positionlist_end());
}

TEST(DocumentBuilderTest, FreeTextCoversAttachmentsAndFiles) {
  auto m = message("C1", "1516457078.000065", "U1", "");
  m.attachments.push_back(core::Attachment{.title = "Outage"});
  m.files.push_back(core::FileRef{.id = "F1", .name = "report.pdf"});
  DocumentBuilder builder;
  std::vector<std::string> terms = terms_of(builder.build(m));
  for (const char* expected : {"outage", "Zoutag", "report", "pdf"}) {
    EXPECT_TRUE(std::find(terms.begin(), terms.end(), expected) != terms.end()) << expected;
  }
}

TEST(DocumentBuilderTest, CjkTextIsSplitIntoNgrams) {
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(message("C1", "1516457078.000065", "U1", "東京都"));
  std::vector<std::string> text_terms;
  for (const std::string& term : terms_of(doc)) {
    if (term[0] != 'Q' && term[0] != 'X') text_terms.push_back(term);
  }
  // Unigrams and bigrams; STEM_SOME adds a Z form of each (the stemmer leaves them as they are).
  EXPECT_EQ(text_terms, (std::vector<std::string>{"Z京", "Z京都", "Z東", "Z東京", "Z都", "京",
                                                  "京都", "東", "東京", "都"}));
}

// Every term of a message's free text, with its positions ("term@1,2"; no
// positions for stems and prefix terms).
std::vector<std::string> text_terms_of(const Xapian::Document& doc) {
  std::vector<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::string term = *t;
    if (term[0] == 'Q' || term[0] == 'X') continue;
    std::string positions;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
      positions += (positions.empty() ? "@" : ",") + std::to_string(*p);
    out.push_back(term + positions);
  }
  return out;
}

TEST(DocumentBuilderTest, TechnicalTokensAddTermsAfterTheText) {
  const struct {
    const char* text;
    std::vector<std::string> terms;
  } cases[] = {
      {"OutOfMemoryError",  // Parts after kExtrasGap (100) positions.
       {"Zerror", "Zmemori", "Zof", "Zout", "Zoutofmemoryerror", "error@105", "memory@104",
        "of@103", "out@102", "outofmemoryerror@1"}},
      {"at 7cf4e0a9",  // Prefix terms without positions; no stem for digit-first terms.
       {"7cf4e0a", "7cf4e0a9@2", "Zat", "at@1"}},
      {"10.0.3.17", {"10.0", "10.0.3", "10.0.3.17@1"}},
      {"Störung!",  // The folded word at the same position.
       {"Zstorung", "Zstörung", "storung@1", "störung@1"}},
  };
  DocumentBuilder builder;
  for (const auto& c : cases) {
    EXPECT_EQ(text_terms_of(builder.build(message("C1", "1516457078.000065", "U1", c.text))),
              c.terms)
        << c.text;
  }
}

TEST(DocumentBuilderTest, LanguageChoosesTheStemmer) {
  auto german = Language::parse("german");
  ASSERT_TRUE(german);
  auto m = message("C1", "1516457078.000065", "U1", "Häuser");
  EXPECT_EQ(text_terms_of(DocumentBuilder(*german).build(m)),
            (std::vector<std::string>{"Zhaus", "hauser@1", "häuser@1"}));  // One stem for both.
  EXPECT_EQ(text_terms_of(DocumentBuilder().build(m)),
            (std::vector<std::string>{"Zhauser", "Zhäuser", "hauser@1", "häuser@1"}));
}

TEST(DocumentBuilderTest, OverlongIdsAreCut) {
  auto m = plain();
  m.user_id = core::UserId(std::string(300, 'b'));
  DocumentBuilder builder;
  std::vector<std::string> terms = boolean_terms_of(builder.build(m));
  ASSERT_EQ(terms.size(), 4u);
  EXPECT_EQ(terms[1], "XA" + std::string(238, 'b'));
}

}  // namespace
}  // namespace backscroll::index
