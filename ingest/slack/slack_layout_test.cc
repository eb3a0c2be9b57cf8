#include "ingest/slack/slack_layout.h"

#include <gtest/gtest.h>

namespace backscroll::ingest::slack {
namespace {

std::vector<ExportEntry> entries(std::initializer_list<const char*> paths) {
  std::vector<ExportEntry> out;
  for (const char* p : paths) out.push_back({p, 10});
  return out;
}

std::vector<std::string> day_paths(const SlackLayout& layout) {
  std::vector<std::string> out;
  for (const auto& d : layout.day_files) out.push_back(d.folder + "|" + d.path);
  return out;
}

TEST(SlackLayoutTest, PlainExport) {
  SlackLayout layout = classify_slack_entries(
      entries({"users.json", "channels.json", "integration_logs.json", "general/2020-10-01.json",
               "general/2020-10-02.json", "D123/2020-01-01.json", "general/attachments/F1-x.json",
               "general/notes.json", "general/2021-02-30.json", "__uploads/F1/a.json"}));
  EXPECT_EQ(layout.root, "");
  EXPECT_EQ(layout.path_of(MetadataFile::kUsers), "users.json");
  EXPECT_EQ(layout.path_of(MetadataFile::kChannels), "channels.json");
  EXPECT_FALSE(layout.path_of(MetadataFile::kGroups));
  EXPECT_EQ(day_paths(layout), (std::vector<std::string>{"general|general/2020-10-01.json",
                                                         "general|general/2020-10-02.json",
                                                         "D123|D123/2020-01-01.json"}));
  EXPECT_EQ(layout.folders, (std::vector<std::string>{"D123", "general"}));
  EXPECT_EQ(layout.ignored, 2u);  // notes.json and the impossible date.
  EXPECT_EQ(layout.day_bytes, 30u);
}

TEST(SlackLayoutTest, WrapperFolderIsStripped) {
  SlackLayout layout = classify_slack_entries(
      entries({"export/users.json", "export/dms.json", "export/general/2020-10-01.json"}));
  EXPECT_EQ(layout.root, "export/");
  EXPECT_EQ(layout.path_of(MetadataFile::kUsers), "export/users.json");
  EXPECT_EQ(layout.path_of(MetadataFile::kDms), "export/dms.json");
  EXPECT_EQ(day_paths(layout),
            (std::vector<std::string>{"general|export/general/2020-10-01.json"}));
}

TEST(SlackLayoutTest, SingleChannelFolderIsNotAWrapper) {
  SlackLayout layout =
      classify_slack_entries(entries({"general/2020-10-01.json", "general/2020-10-02.json"}));
  EXPECT_EQ(layout.root, "");
  EXPECT_EQ(layout.day_files.size(), 2u);
}

TEST(SlackLayoutTest, TwoTopFoldersAreNotAWrapper) {
  SlackLayout layout =
      classify_slack_entries(entries({"a/users.json", "b/users.json", "a/2020-10-01.json"}));
  EXPECT_EQ(layout.root, "");
  EXPECT_FALSE(layout.path_of(MetadataFile::kUsers));
  EXPECT_EQ(layout.ignored, 2u);
  EXPECT_EQ(day_paths(layout), (std::vector<std::string>{"a|a/2020-10-01.json"}));
}

}  // namespace
}  // namespace backscroll::ingest::slack
