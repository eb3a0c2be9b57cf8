#pragma once
// The index schema: the one table of fields shared by the document builder
// (index/), the query parser (query/) and --help. index/SCHEMA.md documents
// the same in prose; a unit test checks prefixes and slots are unique.
//
// Terms follow Xapian's conventions: "Q" for the unique id term, "X…" for ours.
// Free-text terms are added both unprefixed and (for the "text" field) as-is;
// boolean terms are exact, lower-cased where noted.

#include <array>
#include <string_view>

namespace backscroll::index {

enum class FieldKind {
  kBoolean,  // Exact filter term: prefix + value.
  kRange,    // Value slot, filtered by range processors.
};

struct Field {
  std::string_view keyword;  // Query keyword ("in", "from", ...), "" when not queryable.
  std::string_view prefix;   // Term prefix.
  FieldKind kind;
  std::string_view help;  // One line for --help.
};

// Unique id term: kIdPrefix + conversation id + ":" + ts string.
inline constexpr std::string_view kIdPrefix = "Q";

// Boolean terms. The value after the prefix:
inline constexpr std::string_view kConversationPrefix = "XC";  // conversation id
inline constexpr std::string_view kAuthorPrefix = "XA";        // author user id (or bot id)
inline constexpr std::string_view kKindPrefix = "XK";          // message_kind_name()
inline constexpr std::string_view kHasPrefix =
    "XH";  // "link", "file", "reaction", "attachment", "pin"
inline constexpr std::string_view kIsPrefix =
    "XI";  // "thread" (parent or reply), "reply", "bot", "edited"
inline constexpr std::string_view kThreadPrefix = "XT";  // conversation id + ":" + thread_ts
inline constexpr std::string_view kReactionPrefix =
    "XR";  // reaction_term(): emoji name, lower case
inline constexpr std::string_view kBotNamePrefix =
    "XB";  // bot_name_term(): author_name, lower case

// Value slots.
inline constexpr unsigned kSlotTime = 0;  // Xapian::sortable_serialise(epoch seconds, double)
inline constexpr unsigned kSlotConversation = 1;  // conversation id (facets)
inline constexpr unsigned kSlotAuthor = 2;        // author id (facets)
inline constexpr unsigned kSlotMonth = 3;         // "YYYY-MM" of the ts in UTC (facets)

// Metadata keys on each shard.
inline constexpr std::string_view kMetaAppliedSequence = "backscroll.applied_sequence";
inline constexpr std::string_view kMetaSchemaVersion = "backscroll.schema_version";
inline constexpr std::string_view kMetaLanguage = "backscroll.language";  // Language::name()
inline constexpr std::string_view kSchemaVersion = "2";

inline constexpr std::array kFields = {
    Field{"in", kConversationPrefix, FieldKind::kBoolean,
          "in:#channel  messages in a conversation"},
    Field{"from", kAuthorPrefix, FieldKind::kBoolean, "from:@person  messages by a person or bot"},
    Field{"is", kIsPrefix, FieldKind::kBoolean, "is:thread  messages in a thread"},
    Field{"has", kHasPrefix, FieldKind::kBoolean, "has:link  messages with a link"},
    Field{"kind", kKindPrefix, FieldKind::kBoolean, "kind:bot  messages of one kind"},
    Field{"", kReactionPrefix, FieldKind::kBoolean, "has::fire:  messages with that reaction"},
    Field{"", kBotNamePrefix, FieldKind::kBoolean,
          "from:pagerduty  messages a bot posted under that name"},
    Field{"", kThreadPrefix, FieldKind::kBoolean, ""},
    Field{"", kIdPrefix, FieldKind::kBoolean, ""},
};

}  // namespace backscroll::index
