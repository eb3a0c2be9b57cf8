// libFuzzer target: the Slack mrkdwn converters (links, mentions, entities,
// styling, code, quotes, lists, emoji), to plain text and to Markdown. Any text
// must convert without a crash or sanitizer report.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/name_directory.h"
#include "ingest/slack/markup.h"
#include "ingest/slack/markup_markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace backscroll;
  static const ingest::NameDirectory names = [] {
    ingest::NameDirectory d;
    core::User u;
    u.id = core::UserId("U1");
    u.name = "al";
    d.add_user(u);
    d.set_user_name("U2", "*role*_2");
    core::Conversation c;
    c.id = core::ConversationId("C1");
    c.name = "general";
    d.add_conversation(c);
    return d;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> links;
  std::string out = ingest::slack::mrkdwn_to_text(text, names, &links);
  ingest::slack::strip_styling(out);
  std::string markdown = ingest::slack::mrkdwn_to_markdown(text, names);
  std::string plain = ingest::slack::plain_to_markdown(text);
  return 0;
}
