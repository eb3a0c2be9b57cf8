#include "app/render_text.h"

#include <ostream>

#include "core/calendar.h"
#include "query/snippet.h"

namespace backscroll::app {
namespace {

void print_indented(std::ostream& out, const std::string& text, const char* indent) {
  out << indent;
  for (char c : text) {
    out << c;
    if (c == '\n') out << indent;
  }
  out << '\n';
}

std::string body_of(const query::Hit& hit, bool ansi) {
  if (!hit.snippet.empty()) return query::snippet_to_terminal(hit.snippet, ansi);
  std::string text = hit.message.text;
  if (text.empty()) text = core::searchable_text(hit.message);
  return text;
}

}  // namespace

void render_hit(std::ostream& out, const query::Hit& hit, bool ansi) {
  const core::Message& m = hit.message;
  out << core::format_local_minute(m.ts.micros()) << "  #" << hit.conversation << "  "
      << hit.user;
  if (m.is_thread_parent())
    out << "  [thread, " << m.reply_count << (m.reply_count == 1 ? " reply]" : " replies]");
  else if (m.is_reply())
    out << "  [reply]";
  out << '\n';
  print_indented(out, body_of(hit, ansi), "    ");
}

void render_search(std::ostream& out, const query::SearchResult& result, std::size_t offset,
                   bool ansi) {
  for (const query::Hit& hit : result.hits) render_hit(out, hit, ansi);
  if (result.hits.empty())
    out << "no matches for: " << result.query << '\n';
  else
    out << "-- " << offset + 1 << "-" << offset + result.hits.size() << " of " << result.total
        << (result.total == 1 ? " match" : " matches") << '\n';
}

void render_thread(std::ostream& out, const query::ThreadView& thread) {
  out << "#" << thread.conversation_name << "  thread " << thread.thread_ts.str() << "  ("
      << thread.messages.size() << " messages)\n";
  for (const query::Hit& hit : thread.messages) {
    const bool reply = hit.message.ts != thread.thread_ts;
    out << (reply ? "  " : "") << core::format_local_minute(hit.message.ts.micros()) << "  "
        << hit.user << '\n';
    print_indented(out, body_of(hit, false), reply ? "      " : "    ");
  }
}

}  // namespace backscroll::app
