#include "query/markdown_document.h"

#include "core/calendar.h"
#include "ingest/slack/markup_markdown.h"
#include "query/directory.h"
#include "query/document_names.h"
#include "query/permalink.h"

namespace backscroll::query {
namespace {

using ingest::slack::markdown_link;
using ingest::slack::mrkdwn_to_markdown;
using ingest::slack::plain_to_markdown;

constexpr std::size_t kTitleWords = 60;  // At most this many bytes of first words.

bool is_notice(const core::Message& m) {
  return m.kind == core::MessageKind::kJoin || m.kind == core::MessageKind::kLeave;
}

// The local day of `ts`, "2020-10-01".
std::string local_day(const core::SlackTs& ts) {
  return core::format_local_minute(ts.micros()).substr(0, 10);
}

// The local minute of `ts`, "2020-10-01 14:34", or only "14:34" when it falls on
// `day`; `day` becomes its day. Successive calls show each date once.
std::string minute_after(const core::SlackTs& ts, std::string& day) {
  const std::string minute = core::format_local_minute(ts.micros());
  const bool same_day = minute.compare(0, 10, day) == 0;
  day = minute.substr(0, 10);
  return same_day ? minute.substr(11) : minute;
}

// The first line of `text` as a title: quote markers and backticks dropped,
// link targets in parentheses (" (https://…)") too, runs of spaces collapsed,
// cut at a word to at most kTitleWords bytes ("…" added when cut).
std::string first_words(std::string_view text) {
  text = text.substr(0, text.find('\n'));
  while (text.starts_with('>') || text.starts_with(' ')) text.remove_prefix(1);
  std::string words;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' && text.substr(i).starts_with(" (") &&
        text.substr(i + 2).find("://") < text.substr(i + 2).find_first_of(" )")) {
      const std::size_t close = text.find(')', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (c == '`') continue;
    if (c == ' ' || c == '\t' || c == '\r') {
      space = !words.empty();
      continue;
    }
    if (space) words += ' ';
    space = false;
    words += c;
  }
  if (words.size() <= kTitleWords) return words;
  std::size_t cut = words.rfind(' ', kTitleWords);
  if (cut == std::string::npos || cut == 0) {
    cut = kTitleWords;
    while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;  // UTF-8.
  }
  return words.substr(0, cut) + "…";
}

// What a message says first, for titles: its text, else the text of its blocks,
// else its first attachment's title, pretext, text or fallback, else its first
// file's name.
std::string_view leading_text(const core::Message& m) {
  if (!m.text.empty()) return m.text;
  if (!m.blocks_text.empty()) return m.blocks_text;
  for (const core::Attachment& a : m.attachments)
    for (const std::string* part : {&a.title, &a.pretext, &a.text, &a.fallback})
      if (!part->empty()) return *part;
  for (const core::FileRef& f : m.files)
    if (!f.name.empty()) return f.name;
  return {};
}

class DocumentWriter {
 public:
  DocumentWriter(const Directory& directory, const DocumentOptions& options)
      : options_(options), names_(directory, options.anonymize) {}

  // The messages of `thread` the document shows, each noted for naming.
  std::vector<const Hit*> select(const ThreadView& thread) {
    std::vector<const Hit*> shown;
    for (const Hit& hit : thread.messages) {
      if (is_notice(hit.message)) continue;
      if (!options_.include_bots && names_.is_bot(hit.message)) continue;
      names_.note(hit.message);
      shown.push_back(&hit);
    }
    return shown;
  }

  // "# TITLE", the summary line, then each message. `level`: heading level.
  void thread(const ThreadView& view, const std::vector<const Hit*>& shown, int level,
              std::string& out) {
    const std::string where = where_of(view);
    const core::SlackTs start = shown.empty() ? view.thread_ts : shown.front()->message.ts;
    std::string title;  // From the first message that says something (a parent may be deleted).
    for (auto it = shown.begin(); it != shown.end() && title.empty(); ++it)
      title = first_words(names_.plain(leading_text((*it)->message)));
    out.append(static_cast<std::size_t>(level), '#');
    out += ' ' + where + " · " + local_day(start);
    if (!title.empty()) out += " · " + plain_to_markdown(title);
    out += "\n\n" + summary(where, shown) + "\n";
    std::string day;
    for (const Hit* hit : shown) message(*hit, day, out);
  }

 private:
  // "#ops-alerts", "DM with Anna", "group DM mpdm-a--b-1" (anonymized: "direct message").
  std::string where_of(const ThreadView& view) const {
    const std::string name = plain_to_markdown(view.conversation_name);
    switch (view.conversation.kind) {
      case core::ConversationKind::kDm:
        return options_.anonymize ? "direct message" : "DM with " + name;
      case core::ConversationKind::kMpim:
        return options_.anonymize ? "group DM" : "group DM " + name;
      default:
        return "#" + name;
    }
  }

  static std::string summary(const std::string& where, const std::vector<const Hit*>& shown) {
    if (shown.empty()) return "No messages to show in " + where + ".";
    const core::SlackTs first = shown.front()->message.ts;
    std::string line = shown.size() == 1
                           ? "1 message in " + where
                           : "Thread of " + std::to_string(shown.size()) + " messages in " + where;
    std::string day;
    line += ", " + minute_after(first, day);
    if (shown.size() > 1) line += " – " + minute_after(shown.back()->message.ts, day);
    return line + " (" + core::format_local_zone(first.micros()) + ").";
  }

  // `day`: the day of the message before (see minute_after()).
  void message(const Hit& hit, std::string& day, std::string& out) {
    const core::Message& m = hit.message;
    out += "\n**" + plain_to_markdown(names_.author(hit)) + "**";
    if (names_.is_bot(m)) out += " (bot)";
    out += " · " + minute_after(m.ts, day);
    if (m.edited_ts) out += " · edited";
    if (m.deleted) out += " · deleted in chat";
    if (!options_.anonymize && !options_.workspace_url.empty())
      out += " · " + markdown_link("Slack", permalink(options_.workspace_url, m));
    out += '\n';

    std::vector<std::string> parts;
    if (!m.raw_text.empty())
      parts.push_back(mrkdwn_to_markdown(names_.mrkdwn(m.raw_text), names_.markup()));
    else if (!m.text.empty())
      parts.push_back(plain(m.text));
    if (parts.empty() && m.kind == core::MessageKind::kTombstone)
      parts.push_back("*This message was deleted.*");
    if (!m.blocks_text.empty()) parts.push_back(plain(m.blocks_text));
    for (const core::Attachment& a : m.attachments) parts.push_back(attachment(a));
    if (!m.files.empty()) parts.push_back(files(m.files));
    if (!m.reactions.empty()) parts.push_back(reactions(m.reactions));
    for (const std::string& part : parts)
      if (!part.empty()) out += '\n' + part + '\n';
  }

  std::string plain(std::string_view text) const { return plain_to_markdown(names_.plain(text)); }

  // A block quote: title (linked), pretext, author, text, fields, footer.
  std::string attachment(const core::Attachment& a) const {
    std::vector<std::string> lines;
    auto add = [&](const std::string& text) {
      if (!text.empty()) lines.push_back(plain(text));
    };
    add(a.pretext);
    add(a.author_name);
    if (!a.title.empty()) {
      const std::string title = plain(a.title);
      const std::string& url = a.title_link.empty() ? a.from_url : a.title_link;
      lines.push_back("**" + (url.empty() ? title : markdown_link(title, url)) + "**");
    }
    add(a.text);
    for (const core::AttachmentField& f : a.fields)
      lines.push_back("**" + plain(f.title) + ":** " + plain(f.value));
    add(a.footer);
    if (lines.empty()) add(a.fallback);
    std::string quote;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) quote += "\\\n";
      quote += lines[i];
    }
    std::string out = "> ";
    for (char c : quote) {
      out += c;
      if (c == '\n') out += "> ";
    }
    return lines.empty() ? "" : out;
  }

  std::string files(const std::vector<core::FileRef>& files) const {
    std::string out;
    for (const core::FileRef& f : files) {
      if (!out.empty()) out += '\n';
      out += "- 📎 " + plain(f.name.empty() ? f.id : f.name);
      if (!f.title.empty() && f.title != f.name) out += " (" + plain(f.title) + ")";
    }
    return out;
  }

  static std::string reactions(const std::vector<core::Reaction>& reactions) {
    std::string out = "Reactions:";
    for (std::size_t i = 0; i < reactions.size(); ++i) {
      out += i == 0 ? " " : " · ";
      out += plain_to_markdown(":" + reactions[i].name + ":") + " " +
             std::to_string(reactions[i].count);
    }
    return out;
  }

  const DocumentOptions& options_;
  DocumentNames names_;
};

}  // namespace

std::string thread_markdown(const ThreadView& thread, const Directory& directory,
                            const DocumentOptions& options) {
  DocumentWriter writer(directory, options);
  std::string out;
  writer.thread(thread, writer.select(thread), 1, out);
  return out;
}

std::string digest_markdown(const DigestDocument& digest, const Directory& directory,
                            const DocumentOptions& options) {
  DocumentWriter writer(directory, options);
  std::vector<std::vector<const Hit*>> shown;
  for (const ThreadView& thread : digest.threads) shown.push_back(writer.select(thread));
  std::string out =
      "# " + plain_to_markdown(digest.title) + "\n\n" + plain_to_markdown(digest.summary) + "\n";
  for (std::size_t i = 0; i < digest.threads.size(); ++i) {
    if (shown[i].empty()) continue;  // Bots only, with include_bots false.
    out += '\n';
    writer.thread(digest.threads[i], shown[i], 2, out);
  }
  return out;
}

}  // namespace backscroll::query
