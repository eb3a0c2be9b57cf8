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

void render_facet(std::ostream& out, const char* title,
                  const std::vector<query::FacetCount>& counts, const char* sigil) {
  out << title << ':';
  if (counts.empty()) out << " none";
  for (const query::FacetCount& c : counts) out << "  " << sigil << c.name << ' ' << c.count;
  out << '\n';
}

}  // namespace

void render_hit(std::ostream& out, const query::Hit& hit, bool ansi) {
  const core::Message& m = hit.message;
  out << core::format_local_minute(m.ts.micros()) << "  #" << hit.conversation << "  " << hit.user;
  if (m.is_thread_parent())
    out << "  [thread, " << m.reply_count << (m.reply_count == 1 ? " reply]" : " replies]");
  else if (m.is_reply())
    out << "  [reply in thread " << m.thread_ts->str() << "]";
  out << '\n';
  print_indented(out, body_of(hit, ansi), "    ");
  if (!hit.permalink.empty()) out << "    " << hit.permalink << '\n';
}

void render_search(std::ostream& out, const query::SearchResult& result, std::size_t offset,
                   bool ansi) {
  if (result.threads) {
    for (const query::ThreadGroup& g : *result.threads) {
      const query::Hit& first = result.hits[g.hits.front()];
      if (g.thread_ts)
        out << "== thread " << g.thread_ts->str() << " in #" << first.conversation << " ("
            << g.hits.size() << (g.hits.size() == 1 ? " hit)\n" : " hits)\n");
      for (std::size_t i : g.hits) render_hit(out, result.hits[i], ansi);
    }
  } else {
    for (const query::Hit& hit : result.hits) render_hit(out, hit, ansi);
  }
  if (result.facets) {
    render_facet(out, "conversations", result.facets->conversations, "#");
    render_facet(out, "people", result.facets->authors, "@");
    render_facet(out, "months", result.facets->months, "");
  }
  const std::string total = (result.total_exact ? "" : "about ") + std::to_string(result.total);
  if (result.hits.empty())
    out << "no matches for: " << result.query
        << (result.total ? " (" + total + " matches before this page)" : "") << '\n';
  else
    out << "-- " << offset + 1 << "-" << offset + result.hits.size() << " of " << total
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

void render_context(std::ostream& out, const query::ContextView& context) {
  out << "#" << context.conversation_name << (context.in_thread ? "  (thread)" : "") << "  around "
      << context.target.str() << '\n';
  for (const query::Hit& hit : context.messages) {
    const bool target = hit.message.ts == context.target;
    out << (target ? "> " : "  ") << core::format_local_minute(hit.message.ts.micros()) << "  "
        << hit.user << "  " << hit.message.ts.str();
    if (hit.message.is_thread_parent())
      out << "  [thread, " << hit.message.reply_count
          << (hit.message.reply_count == 1 ? " reply]" : " replies]");
    out << '\n';
    print_indented(out, body_of(hit, false), "      ");
  }
}

void render_explanation(std::ostream& out, const query::Explanation& e) {
  out << "tokens:   " << e.tokens << '\n' << "syntax:   " << e.syntax << '\n';
  for (const std::string& line : e.resolved) out << "resolved: " << line << '\n';
  out << "xapian:   " << e.xapian << '\n';
}

}  // namespace backscroll::app
