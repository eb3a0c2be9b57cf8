#pragma once
// MessageFactory: the JSON of every kind of message object the generator
// writes, for one conversation, shaped like real exports (see FORMATS.md §1.4):
// human messages with client_msg_id, team ids, user_profile and a rich_text
// rendering of their text; file shares; channel_join/leave; classic
// bot_message posts (PagerDuty, Datadog) with everything in attachments; modern
// app posts (deploybot: user + bot_id + bot_profile + blocks, no subtype); and
// tombstones for deleted thread parents. Output is compact JSON.

#include <string>
#include <vector>

#include "core/slack_ts.h"
#include "tests/generator/rng.h"
#include "tests/generator/text_generator.h"
#include "tests/generator/workspace.h"

namespace backscroll::generator {

enum class MessageKind {
  kHuman,
  kFileShare,
  kJoin,
  kLeave,
  kPagerDuty,
  kDatadog,
  kDeploy,
  kTombstone,
};

// Reply metadata of a thread parent, known in full when the parent is written
// because the generator schedules all replies at that moment.
struct ThreadSummary {
  int reply_count = 0;
  std::vector<int> reply_users;  // Distinct users, in order of first reply.
  core::SlackTs latest_reply;
};

// What a thread reply needs to know about its parent.
struct ReplyTarget {
  core::SlackTs thread_ts;
  int parent_user = 0;
  bool broadcast = false;  // subtype thread_broadcast, with `root`.
  std::string root_json;   // The parent's compact JSON (for broadcasts).
};

struct MessageSpec {
  MessageKind kind = MessageKind::kHuman;
  core::SlackTs ts;
  int user = 0;                           // Author (ignored for bot posts).
  const ThreadSummary* thread = nullptr;  // Set on thread parents.
  const ReplyTarget* reply = nullptr;     // Set on replies.
};

class MessageFactory {
 public:
  // References must outlive the factory.
  MessageFactory(const Workspace& ws, const Conversation& conversation);

  // The compact JSON of one message object.
  std::string build(Rng& rng, const MessageSpec& spec);

  // Picks a poster among the conversation's members.
  int member(Rng& rng) const { return text_.member(rng); }

 private:
  void write_human(core::JsonWriter& w, Rng& rng, const MessageSpec& spec, bool with_file);
  void write_event(core::JsonWriter& w, Rng& rng, const MessageSpec& spec);
  void write_pagerduty(core::JsonWriter& w, Rng& rng, const MessageSpec& spec);
  void write_datadog(core::JsonWriter& w, Rng& rng, const MessageSpec& spec);
  void write_deploy(core::JsonWriter& w, Rng& rng, const MessageSpec& spec);
  void write_tombstone(core::JsonWriter& w, const MessageSpec& spec);
  void write_file(core::JsonWriter& w, Rng& rng, const MessageSpec& spec);
  void write_thread_fields(core::JsonWriter& w, const MessageSpec& spec);
  void write_extras(core::JsonWriter& w, Rng& rng, const MessageSpec& spec);

  const Workspace& ws_;
  const Conversation& conv_;
  TextGenerator text_;
};

}  // namespace backscroll::generator
