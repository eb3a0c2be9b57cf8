// Thread documents (issue 6) micro-benchmarks, on message texts taken from the
// real fixtures (Zulip's exported messages, slack-export-viewer's alerts and
// tracebacks) repeated into a 200-message thread:
//   BM_MrkdwnToText      the plain-text converter ingest runs on every message:
//                        the peer, bytes/s over all texts.
//   BM_MrkdwnToMarkdown  the Markdown converter on the same texts.
//   BM_ThreadMarkdown    a whole 200-message thread as a Markdown document
//                        (names, attachments, reactions, emoji).
//   BM_ThreadHtml        the same thread to Markdown then to an HTML page (cmark-gfm).
//   BM_ThreadAnonymized  BM_ThreadMarkdown with --anonymize (every word checked
//                        against the people's names).

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "ingest/name_directory.h"
#include "ingest/slack/markup.h"
#include "ingest/slack/markup_markdown.h"
#include "query/directory.h"
#include "query/html_document.h"
#include "query/markdown_document.h"

namespace {

namespace core = backscroll::core;
namespace ingest = backscroll::ingest;
namespace query = backscroll::query;

// Texts as exported (mrkdwn, entity-escaped), from tests/fixtures.
const std::vector<std::string> kTexts = {
    "Hello there, I am a basic rich text block! Hello there, *I am a bold rich text block!* This "
    "is a mrkdwn section block :ghost: *this is bold*, and ~this is crossed out~, and "
    "<https://google.com|this is a link> This is a header block, with interactive elements",
    "<https://chat.zulip.org/|Text with a link>\n*<https://chat.zulip.org/|Text with a link>*\n"
    "_<https://chat.zulip.org/|Text with a link>_\n~<https://chat.zulip.org/|Text with a link>~",
    "&gt; Hello there, I am a rich text section block!\n&gt; *Hello there, I am a rich text "
    "section block!*\n&gt; ~_*`Hello there, I am a rich text section block!`*_~",
    "unordered list with subitems:\n• main item 1\n    a. nested item 1\n    b. nested item 2\n"
    "• main item 2\n    a. nested item 1\n",
    "<!channel> _*<!here>*_ test mention <@U1> and <@U2|anna> in <#C1>",
    "```I0326 22:57:06.074105  1271 exec.cpp:134] Version: 0.27.0\nException in thread "
    "Thread-1:\nTraceback (most recent call last):\n  File \"/usr/lib/python2.7/threading.py\", "
    "line 810, in __bootstrap_inner\n    self.run()\nTypeError: unsupported operand type(s) for "
    "** or pow(): 'unicode' and 'dict'```",
    "<https://github.com/mesos-magellan/traveling-sailor/commit/fc8ae05e3f12|fc8ae05>: Update "
    "pyrallelsa req - hfaran",
    "so can it itself just be the executor? I don't think it will need any outside dependencies "
    ":+1::skin-tone-2: :white_check_mark:",
    "disk_space._ on batch2.prod.example.com at 98% &amp; rising, see "
    "<https://grafana.example.com/d/disk?var-host=batch2&amp;from=now-6h|the graph> :fire:",
};

std::size_t total_bytes() {
  std::size_t n = 0;
  for (const std::string& t : kTexts) n += t.size();
  return n;
}

ingest::NameDirectory names() {
  ingest::NameDirectory d;
  d.set_user_name("U1", "bastian");
  d.set_user_name("U2", "Anna Berg");
  core::Conversation ops;
  ops.id = core::ConversationId("C1");
  ops.name = "ops-alerts";
  d.add_conversation(ops);
  return d;
}

void BM_MrkdwnToText(benchmark::State& state) {
  const ingest::NameDirectory d = names();
  for (auto _ : state)
    for (const std::string& t : kTexts) benchmark::DoNotOptimize(ingest::slack::mrkdwn_to_text(t, d));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_MrkdwnToText);

void BM_MrkdwnToMarkdown(benchmark::State& state) {
  const ingest::NameDirectory d = names();
  for (auto _ : state)
    for (const std::string& t : kTexts)
      benchmark::DoNotOptimize(ingest::slack::mrkdwn_to_markdown(t, d));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_MrkdwnToMarkdown);

core::User person(const char* id, const char* name, const char* real_name) {
  core::User u;
  u.id = core::UserId(id);
  u.name = name;
  u.real_name = real_name;
  return u;
}

struct Thread {
  query::Directory directory;
  query::ThreadView view;
};

// 200 messages: the texts in turn, every fifth an alert with an attachment,
// every seventh with reactions, by three people over two days.
Thread make_thread() {
  core::Conversation ops;
  ops.id = core::ConversationId("C1");
  ops.name = "ops-alerts";
  Thread t{query::Directory({person("U1", "bastian", "Bastian Schmidt"),
                             person("U2", "anna", "Anna Berg"), person("U3", "carol", "Carol Diaz")},
                            {ops}),
           {}};
  t.view.conversation = ops;
  t.view.conversation_name = "ops-alerts";
  const std::int64_t start = 1601510400;
  t.view.thread_ts = core::SlackTs::from_micros(start * 1000000);
  ingest::NameDirectory d = names();
  for (int i = 0; i < 200; ++i) {
    core::Message m;
    m.conversation_id = ops.id;
    m.ts = core::SlackTs::from_micros((start + i * 900) * 1000000);
    m.thread_ts = t.view.thread_ts;
    m.user_id = core::UserId("U" + std::to_string(1 + i % 3));
    m.raw_text = kTexts[static_cast<std::size_t>(i) % kTexts.size()];
    m.text = ingest::slack::mrkdwn_to_text(m.raw_text, d);
    if (i % 5 == 0) {
      core::Attachment a;
      a.title = "Disk space low on batch2.prod";
      a.title_link = "https://pd.example.com/incidents/" + std::to_string(i);
      a.text = "/var at 98%\nsince 14:30, mentioned by @bastian";
      a.fields = {{"Host", "batch2.prod"}, {"Severity", "critical"}};
      m.attachments = {a};
    }
    if (i % 7 == 0) m.reactions = {{"eyes", 2, {}}, {"white_check_mark", 1, {}}};
    t.view.messages.push_back(query::make_hit(std::move(m), t.directory));
  }
  return t;
}

void BM_ThreadMarkdown(benchmark::State& state) {
  const Thread t = make_thread();
  for (auto _ : state) benchmark::DoNotOptimize(query::thread_markdown(t.view, t.directory, {}));
  state.SetItemsProcessed(state.iterations() * 200);
}
BENCHMARK(BM_ThreadMarkdown);

void BM_ThreadHtml(benchmark::State& state) {
  const Thread t = make_thread();
  for (auto _ : state)
    benchmark::DoNotOptimize(
        query::markdown_to_html_page(query::thread_markdown(t.view, t.directory, {})));
  state.SetItemsProcessed(state.iterations() * 200);
}
BENCHMARK(BM_ThreadHtml);

void BM_ThreadAnonymized(benchmark::State& state) {
  const Thread t = make_thread();
  for (auto _ : state)
    benchmark::DoNotOptimize(query::thread_markdown(t.view, t.directory, {.anonymize = true}));
  state.SetItemsProcessed(state.iterations() * 200);
}
BENCHMARK(BM_ThreadAnonymized);

}  // namespace

BENCHMARK_MAIN();
