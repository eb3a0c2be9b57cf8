#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <map>

#include "ingest/ingest_test_util.h"

namespace backscroll::ingest {
namespace {

using testing::open_archive;
using testing::TempDir;

std::vector<core::Message> all_messages(const store::Archive& archive) {
  std::vector<core::Message> out;
  auto r = archive.for_each_message([&](const core::Message& m) {
    out.push_back(m);
    return true;
  });
  EXPECT_TRUE(r);
  return out;
}

std::string kinds(const store::ArchiveStats& stats) {
  std::string out;
  for (const auto& [kind, n] : stats.messages_by_kind) out += kind + "=" + std::to_string(n) + " ";
  return out;
}

// A copy of a fixture folder in `dir`.
std::filesystem::path copy_fixture(const TempDir& dir, const std::string& name) {
  std::filesystem::path to = dir.path() / "export";
  std::filesystem::copy(testing::slack_fixture(name), to, std::filesystem::copy_options::recursive);
  return to;
}

TEST(IngestTest, SlackExportViewerFolder) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  std::vector<IngestProgress> progress;
  auto report = ingest_export(*archive, testing::slack_fixture("slack-export-viewer"),
                              [&](const IngestProgress& p) { progress.push_back(p); });
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->counts.added, 158u);
  EXPECT_EQ(report->counts.updated, 0u);
  EXPECT_EQ(report->counts.unchanged, 0u);
  EXPECT_EQ(report->skipped, 0u);
  EXPECT_EQ(report->files, 17u);
  EXPECT_EQ(report->users, 4u);
  EXPECT_EQ(report->conversations, 2u);
  EXPECT_TRUE(report->errors.empty());
  EXPECT_TRUE(report->warnings.empty());

  ASSERT_EQ(progress.size(), 17u);
  EXPECT_EQ(progress.back().bytes_done, 125273u);
  EXPECT_EQ(progress.back().bytes_total, 125273u);
  EXPECT_EQ(progress.front().current_file, "enrique/2016-01-14.json");

  auto stats = archive->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->messages, 158u);
  EXPECT_EQ(stats->users, 4u);
  EXPECT_EQ(stats->conversations, 2u);
  EXPECT_EQ(kinds(*stats), "bot=94 file_share=4 join=11 plain=49 ");

  // The reaction with a custom emoji, on an attachment-only GitHub bot post.
  auto bot = archive->get_message(core::ConversationId("C0JGLMMNX"),
                                  *core::SlackTs::parse("1459154014.000018"));
  ASSERT_TRUE(bot && *bot);
  const core::Message& m = **bot;
  EXPECT_EQ(m.user_id.value, "B0JL6RASU");
  EXPECT_EQ(m.kind, core::MessageKind::kBot);
  EXPECT_TRUE(m.is_bot);
  EXPECT_EQ(m.text, "");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].pretext, "[enrique:master] 1 new commit by hfaran:");
  EXPECT_EQ(m.attachments[0].text,
            "b698a38 (https://github.com/mesos-magellan/enrique/commit/"
            "b698a38dabbd81c51029f163e74bcd76115e9c2f): Implement killTask; resolves #20 - "
            "hfaran");
  ASSERT_EQ(m.reactions.size(), 1u);
  EXPECT_EQ(m.reactions[0], (core::Reaction{"botman", 1, {core::UserId("U0BMYT2FL")}}));

  // Re-ingesting changes nothing.
  auto again = ingest_export(*archive, testing::slack_fixture("slack-export-viewer"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->counts.added, 0u);
  EXPECT_EQ(again->counts.updated, 0u);
  EXPECT_EQ(again->counts.unchanged, 158u);
}

TEST(IngestTest, ZipAndFolderGiveIdenticalArchives) {
  TempDir dir;
  auto from_folder = open_archive(dir.path() / "a");
  auto from_zip = open_archive(dir.path() / "b");
  ASSERT_TRUE(from_folder && from_zip);
  std::filesystem::path folder = testing::slack_fixture("slack-export-viewer");
  std::filesystem::path zip = dir.path() / "export.zip";
  // Wrapped in one top-level folder, like `zip -r export.zip export/`.
  testing::write_zip(zip, testing::entries_of_folder(folder, "slack-export-viewer/"));

  auto a = ingest_export(*from_folder, folder);
  auto b = ingest_export(*from_zip, zip);
  ASSERT_TRUE(a) << a.error().describe();
  ASSERT_TRUE(b) << b.error().describe();
  EXPECT_EQ(b->counts.added, 158u);
  EXPECT_EQ(b->files, 17u);
  EXPECT_EQ(b->warnings, a->warnings);
  EXPECT_TRUE(b->errors.empty());
  EXPECT_EQ(all_messages(*from_zip), all_messages(*from_folder));
  EXPECT_EQ(*from_zip->users(), *from_folder->users());
  EXPECT_EQ(*from_zip->conversations(), *from_folder->conversations());
}

TEST(IngestTest, ZulipExportWithMetadata) {
  // Zulip keeps the metadata next to test_slack_importer/: join them into one export.
  TempDir dir;
  std::filesystem::path root = testing::slack_fixture("zulip/slack_fixtures");
  std::filesystem::path export_dir = dir.path() / "export";
  std::filesystem::copy(root / "test_slack_importer", export_dir,
                        std::filesystem::copy_options::recursive);
  for (const char* f : {"channels.json", "dms.json", "mpims.json"})
    std::filesystem::copy_file(root / f, export_dir / f);
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  auto report = ingest_export(*archive, export_dir);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->counts.added, 13u);
  EXPECT_EQ(report->files, 2u);
  EXPECT_EQ(report->users, 4u);
  EXPECT_EQ(report->conversations, 11u);
  EXPECT_TRUE(report->errors.empty());
  EXPECT_TRUE(report->warnings.empty());

  auto stats = archive->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(kinds(*stats), "file_share=1 join=4 plain=8 ");
  EXPECT_EQ(stats->conversations_by_kind,
            (std::map<std::string, std::uint64_t>{{"dm", 4}, {"mpim", 3}, {"public", 4}}));

  auto random = archive->get_conversation(core::ConversationId("C061A0WJG"));
  ASSERT_TRUE(random && *random);
  EXPECT_EQ((*random)->name, "random");
  EXPECT_TRUE((*random)->archived);
  EXPECT_EQ((*random)->created, 1433558319);

  std::vector<std::string> texts;
  for (const core::Message& m : all_messages(*archive)) {
    EXPECT_EQ(m.conversation_id.value, "C061A0WJG");
    texts.push_back(m.text);
  }
  ASSERT_EQ(texts.size(), 13u);
  EXPECT_EQ(texts[5],
            "@k._ uploaded a file: dirac72.md "
            "(https://plan8team.slack.com/files/U6006P1CN/F8VSW87RR/dirac72.md) and commented: "
            "test upload attachment");
  EXPECT_EQ(texts[8],
            "The markdown mapping is also lossy, as Zulip doesn't support two types of "
            "formatting together like bold and italic random while slack does");
  EXPECT_EQ(texts[9], "@everyone");
  EXPECT_EQ(texts[11], "@channel");

  auto file_share = archive->get_message(core::ConversationId("C061A0WJG"),
                                         *core::SlackTs::parse("1516457078.000065"));
  ASSERT_TRUE(file_share && *file_share);
  ASSERT_EQ((*file_share)->files.size(), 1u);
  EXPECT_EQ((*file_share)->files[0].filetype, "markdown");
  EXPECT_TRUE(
      (*file_share)
          ->files[0]
          .preview.starts_with("#72. The fine-structure of the energy-levels of hydrogen\n"));
  EXPECT_EQ((*file_share)->user_id.value, "U6006P1CN");
  EXPECT_EQ((*file_share)->author_name, "");
}

TEST(IngestTest, FolderWithoutMetadataBecomesAChannel) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  auto report =
      ingest_export(*archive, testing::slack_fixture("zulip/slack_fixtures/test_slack_importer"));
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->counts.added, 13u);
  EXPECT_EQ(report->warnings,
            (std::vector<std::string>{
                "channels.json is missing: channels are named after their folders",
                "folder \"random\" is in no metadata file: archived as public channel \"random\" "
                "with id \"random\""}));
  auto conversations = archive->conversations();
  ASSERT_TRUE(conversations);
  core::Conversation random;
  random.id = core::ConversationId("random");
  random.name = "random";
  EXPECT_EQ(*conversations, std::vector<core::Conversation>{random});
}

TEST(IngestTest, MalformedDayFileIsReportedAndOthersGoIn) {
  TempDir dir;
  std::filesystem::path export_dir = copy_fixture(dir, "slack-export-viewer");
  // Cut enrique/2016-01-15.json (6 messages) after 300 bytes.
  std::filesystem::resize_file(export_dir / "enrique" / "2016-01-15.json", 300);
  testing::write_file(
      export_dir / "traveling-sailor" / "2016-03-29.json",
      R"([{"type": "message", "user": "U1", "text": ["not", "a", "string"], "ts": "1.0"}])");
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  auto report = ingest_export(*archive, export_dir);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->counts.added, 158u - 6u - 1u);
  EXPECT_EQ(report->files, 17u);
  ASSERT_EQ(report->errors.size(), 2u);
  const core::Error& truncated = report->errors[0];
  EXPECT_EQ(truncated.code, core::ErrorCode::kBadInput);
  EXPECT_EQ(truncated.where.source, export_dir.string());
  EXPECT_EQ(truncated.where.file, "enrique/2016-01-15.json");
  EXPECT_EQ(truncated.message, "A string is opened, but never closed.");
  EXPECT_EQ(truncated.where.offset, 300u);
  const core::Error& typed = report->errors[1];
  EXPECT_EQ(typed.where.file, "traveling-sailor/2016-03-29.json");
  EXPECT_EQ(typed.message, "field \"text\": expected a string, got an array");
  EXPECT_EQ(typed.where.offset, 43u);
  EXPECT_EQ(typed.describe(), export_dir.string() +
                                  ": traveling-sailor/2016-03-29.json: byte 43: field \"text\": "
                                  "expected a string, got an array");
}

TEST(IngestTest, UnsafeZipEntryIsRejected) {
  TempDir dir;
  std::filesystem::path zip = dir.path() / "evil.zip";
  testing::write_zip(zip, {{"channels.json", R"([{"id": "C1", "name": "general"}])"},
                           {"users.json", R"([{"id": "U1", "name": "al"}])"},
                           {"general/2020-10-01.json",
                            R"([{"user": "U1", "text": "hi <@U1>", "ts": "1601510400.000100"}])"},
                           {"../general/2020-10-02.json",
                            R"([{"user": "U1", "text": "x", "ts": "1601596800.000100"}])"}});
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  auto report = ingest_export(*archive, zip);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->counts.added, 1u);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].where.file, "../general/2020-10-02.json");
  EXPECT_EQ(report->errors[0].where.source, zip.string());
  auto messages = all_messages(*archive);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, "hi @al");
  EXPECT_EQ(messages[0].conversation_id.value, "C1");
}

TEST(IngestTest, MissingUsersJsonWarnsAndFallsBackToStoredUsers) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  std::filesystem::path first = dir.path() / "first";
  testing::write_file(first / "users.json",
                      R"([{"id": "U1", "name": "al", "profile": {"display_name": "Ally"}}])");
  testing::write_file(first / "channels.json", R"([{"id": "C1", "name": "general"}])");
  auto r1 = ingest_export(*archive, first);
  ASSERT_TRUE(r1) << r1.error().describe();
  EXPECT_TRUE(r1->warnings.empty());

  std::filesystem::path second = dir.path() / "second";
  testing::write_file(second / "channels.json", R"([{"id": "C1", "name": "general"}])");
  testing::write_file(
      second / "general" / "2020-10-01.json",
      R"([{"user": "U1", "text": "<@U1> and <@U2> in <#C1>", "ts": "1601510400.000100"}])");
  auto r2 = ingest_export(*archive, second);
  ASSERT_TRUE(r2) << r2.error().describe();
  EXPECT_EQ(r2->warnings, std::vector<std::string>{
                              "users.json is missing: mentions show user ids instead of names"});
  EXPECT_EQ(r2->counts.added, 1u);
  auto messages = all_messages(*archive);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, "@Ally and @U2 in #general");
}

TEST(IngestTest, GuestsMissingFromUsersJsonAreNamedByTheirProfiles) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  std::filesystem::path path = dir.path() / "export";
  testing::write_file(path / "users.json", R"([{"id": "U1", "name": "al"}])");
  testing::write_file(path / "channels.json", R"([{"id": "C1", "name": "shared"}])");
  // A Slack Connect guest (U9, not in users.json) posts on day 1; day 2 mentions them.
  testing::write_file(path / "shared" / "2020-10-01.json", R"([{"user": "U9", "text": "hi",
      "ts": "1601510400.000100", "user_profile": {"name": "gina", "real_name": "Gina Guest"}}])");
  testing::write_file(path / "shared" / "2020-10-02.json",
                      R"([{"user": "U1", "text": "<@U9> fixed", "ts": "1601596800.000100"}])");
  auto r = ingest_export(*archive, path);
  ASSERT_TRUE(r) << r.error().describe();
  auto users = (*archive).users();
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[1],
            (core::User{core::UserId("U9"), "gina", "Gina Guest", "", false, false, {}}));
  auto messages = all_messages(*archive);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].text, "@Gina Guest fixed");

  // Again: nothing changes, the stored guest is kept.
  auto again = ingest_export(*archive, path);
  ASSERT_TRUE(again) << again.error().describe();
  EXPECT_EQ(again->counts.unchanged, 2u);
  EXPECT_EQ((*archive).users()->size(), 2u);
}

TEST(IngestTest, UnreadableExports) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  ASSERT_TRUE(archive);
  auto missing = ingest_export(*archive, dir.path() / "missing.zip");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  testing::write_file(dir.path() / "plain.zip", "just text");
  auto not_zip = ingest_export(*archive, dir.path() / "plain.zip");
  ASSERT_FALSE(not_zip);
  EXPECT_EQ(not_zip.error().code, core::ErrorCode::kBadInput);
  EXPECT_EQ(not_zip.error().where.source, (dir.path() / "plain.zip").string());
}

}  // namespace
}  // namespace backscroll::ingest
