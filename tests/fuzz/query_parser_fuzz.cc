// libFuzzer target: the Slack-style query parser (query/parser.h). Any string
// must give a Xapian query or a kBadQuery error, never a crash or an escaped
// exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/directory.h"
#include "query/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace backscroll;
  static const query::Directory directory = [] {
    core::User u;
    u.id = core::UserId("U1");
    u.name = "bastian";
    u.display_name = "Basti";
    u.real_name = "Bastian Schmidt";
    core::Conversation c;
    c.id = core::ConversationId("C1");
    c.name = "ops-alerts";
    return query::Directory({u}, {c});
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = query::parse_query(text, directory);
  if (!parsed && parsed.error().code != core::ErrorCode::kBadQuery &&
      parsed.error().code != core::ErrorCode::kUsage)
    __builtin_trap();
  if (parsed) (void)parsed->query.get_description();
  return 0;
}
