// libFuzzer target: the Slack day-file reader (JSON -> core::Message, with
// markup resolution and blocks), plus the scans that locate bad UTF-8 and
// excess depth. Any input must give messages or a kBadInput error, never a
// crash, a sanitizer report or a hang.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "ingest/content_hash.h"
#include "ingest/name_directory.h"
#include "ingest/slack/json_scan.h"
#include "ingest/slack/slack_messages.h"

namespace {

const backscroll::ingest::NameDirectory& names() {
  static const backscroll::ingest::NameDirectory directory = [] {
    backscroll::ingest::NameDirectory d;
    backscroll::core::User u;
    u.id = backscroll::core::UserId("U1");
    u.name = "al";
    d.add_user(u);
    backscroll::core::Conversation c;
    c.id = backscroll::core::ConversationId("C1");
    c.name = "general";
    d.add_conversation(c);
    return d;
  }();
  return directory;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace backscroll;
  std::string_view json(reinterpret_cast<const char*>(data), size);
  (void)ingest::content_hash(json);
  (void)ingest::slack::find_invalid_utf8(json);
  (void)ingest::slack::find_excess_depth(json, 16);
  ingest::slack::MessageReader reader(names());
  ingest::DayFile file;
  core::Result<void> r = reader.read_json(json, core::ConversationId("C1"), file);
  if (!r && r.error().code != core::ErrorCode::kBadInput) __builtin_trap();
  if (!r && !file.messages.empty()) __builtin_trap();  // All or nothing per file.
  return 0;
}
