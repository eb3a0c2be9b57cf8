#include "core/model.h"

#include <gtest/gtest.h>

namespace backscroll::core {
namespace {

TEST(User, ShownNameFallsBack) {
  User u{UserId("U1"), "handle", "Real Name", "Display", false, false};
  EXPECT_EQ(u.shown_name(), "Display");
  u.display_name.clear();
  EXPECT_EQ(u.shown_name(), "Real Name");
  u.real_name.clear();
  EXPECT_EQ(u.shown_name(), "handle");
  u.name.clear();
  EXPECT_EQ(u.shown_name(), "U1");
}

TEST(SearchableText, CollectsAttachmentsBlocksAndFilesWithoutRepeats) {
  Message m;
  m.text = "";
  Attachment a;
  a.pretext = "New alert";
  a.title = "disk_space on batch2.prod";
  a.text = "disk_space on batch2.prod";  // repeats the title
  a.fields = {{"Severity", "critical"}, {"", "no title"}};
  a.footer = "PagerDuty";
  a.fallback = "ignored because the others are set";
  Attachment only_fallback;
  only_fallback.fallback = "fallback text";
  m.attachments = {a, only_fallback};
  m.blocks_text = "Block section";
  m.files = {{"F1", "df.txt", "df output", "text", "/dev/sda1 100%"}};
  EXPECT_EQ(searchable_text(m),
            "New alert\ndisk_space on batch2.prod\nSeverity: critical\nno title\n"
            "PagerDuty\nfallback text\nBlock section\ndf.txt\ndf output\n/dev/sda1 100%");
}

}  // namespace
}  // namespace backscroll::core
