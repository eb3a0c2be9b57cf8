#pragma once
// The generated workspace: users, bots and conversations, everything the
// metadata files (users.json, channels.json, groups.json, dms.json,
// mpims.json) describe. Built once from the seed before any message is
// written; messages only refer to it.

#include <cstdint>
#include <string>
#include <vector>

#include "tests/generator/lexicon.h"
#include "tests/generator/rng.h"

namespace backscroll::generator {

struct User {
  std::string id;         // "U…"
  std::string name;       // handle, "jane.doe"
  std::string real_name;  // "Jane Doe", "田中 太郎"
  std::string first_name;
  std::string last_name;
  std::string display_name;  // Often empty, as in real workspaces.
  std::string title;
  std::string tz;
  std::string avatar_hash;
  std::string color;
  bool deleted = false;
  bool is_bot = false;
  bool is_admin = false;
  std::string bot_id;  // For bot users: their "B…".
  std::string app_id;  // For app bot users: "A…".
  // Compact JSON of the user_profile snapshot human messages carry.
  std::string profile_json;
};

// Classic integrations that post subtype bot_message without a user.
struct Integration {
  std::string bot_id;    // "B…"
  std::string username;  // "PagerDuty", "Datadog"
  std::string icon_url;
  int user = 0;  // Index of its bot user (parent_user_id of replies to its posts).
};

enum class ConversationKind { kChannel, kGroup, kDm, kMpim };

// What a conversation talks about, which decides its mix of message kinds.
enum class Flavor { kChat, kAlerts, kIncidents, kDeploys };

// Languages of human text; a conversation has weights over them.
enum class Language { kEnglish, kGerman, kJapanese, kChinese };
inline constexpr int kLanguageCount = 4;

struct Conversation {
  ConversationKind kind = ConversationKind::kChannel;
  Flavor flavor = Flavor::kChat;
  std::string id;
  std::string name;          // Channel or mpim name; empty for DMs.
  std::string folder;        // name, or the id for DMs.
  std::vector<int> members;  // Indexes into Workspace::users.
  int creator = 0;
  std::int64_t created = 0;
  bool created_as_string = false;  // Old exports write "created": "1452837318".
  bool archived = false;
  bool is_general = false;
  std::string topic;
  std::string purpose;
  int weight = 1;  // Share of the export's messages.
  int language_weights[kLanguageCount] = {92, 4, 2, 2};
};

struct Workspace {
  std::string team_id;
  std::string domain;  // "acme" as in acme.slack.com
  std::vector<User> users;
  std::vector<int> humans;  // Indexes of non-bot users able to post.
  int slackbot = 0;         // Index of USLACKBOT.
  int deploybot = 0;        // Index of the deploybot app user.
  Integration pagerduty;
  Integration datadog;
  std::vector<Conversation> conversations;
  Lexicon lexicon;  // The words of message text; the same for every seed.
};

// Builds the workspace for `seed`; `epoch` (seconds) is the export's first
// day, used to date users and channels before it.
Workspace build_workspace(std::uint64_t seed, std::int64_t epoch);

// The metadata files, each a JSON array as written into the export (compact;
// the caller re-indents). Conversations of the other kinds are skipped.
std::string users_json(const Workspace& ws);
std::string conversations_json(const Workspace& ws, ConversationKind kind);

}  // namespace backscroll::generator
