#pragma once
// Threads as Markdown documents: what support pastes into a runbook and
// engineers into a postmortem. HTML (html_document.h) is rendered from this
// Markdown, so the two never differ in content.
//
// A thread document, times in the process's local zone (app/ sets TZ):
//
//   # #ops-alerts · 2020-10-01 · batch2.prod is out of disk
//
//   Thread of 3 messages in #ops-alerts, 2020-10-01 14:34 – 15:02 (UTC).
//
//   **bastian** · 2020-10-01 14:34 · [Slack](https://acme.slack.com/archives/C1/p1601…)
//
//   **batch2.prod** is out of disk, see [the graph](https://grafana/d/1) 🔥
//
//   > **[Disk space low](https://pd/incidents/1)**\ (each line but the last
//   > /var at 98%\                                    ends in a hard break)
//   > **Host:** batch2.prod
//
//   - 📎 df.txt (Disk usage)
//
//   Reactions: 👀 2 · ✅ 1
//
//   **anna** · 14:40 · edited
//   ...
//
// Each message: a header line (author in bold, "(bot)" for bots, local time
// with the date only when the day changes, then "edited" / "deleted in chat"
// and the permalink when known), its text converted from Slack markup
// (ingest/slack/markup_markdown.h), the text its blocks add, attachments as
// block quotes (title linked, pretext, text, "**Field:** value" lines,
// footer), files as a list, reactions summarised. Join and leave notices are
// left out; bot messages too with `include_bots` false.
//
// The title: channel (or "#name" of a group DM, "DM with NAME" of a DM), the
// local day the thread starts, and the first words of its first message (at
// most 60 characters, cut at a word, "…" added).
//
// Anonymizing replaces every person's name by "Person N", numbered by first
// appearance in the document: authors, mentions, and the names the archive
// knows wherever they stand as words (document_names.h); bots keep their
// names; DMs are titled "direct message"; permalinks are left out.

#include <cstdint>
#include <string>
#include <vector>

#include "query/thread.h"

namespace backscroll::query {

class Directory;

struct DocumentOptions {
  std::string workspace_url;  // "https://acme.slack.com": permalinks. "": none.
  bool include_bots = true;   // False: bot messages (alerts, integrations) are left out.
  bool anonymize = false;     // See the file comment.
};

// One thread as a Markdown document (ends with a newline).
std::string thread_markdown(const ThreadView& thread, const Directory& directory,
                            const DocumentOptions& options);

// Several threads under one title, e.g. the threads matching a search
// (digest.h). Each thread is a "##" section laid out as above.
struct DigestDocument {
  std::string title;    // "Search: disk_space in:#ops-alerts"
  std::string summary;  // One line under the title, plain text.
  std::vector<ThreadView> threads;
};
std::string digest_markdown(const DigestDocument& digest, const Directory& directory,
                            const DocumentOptions& options);

}  // namespace backscroll::query
