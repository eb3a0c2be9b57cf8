#pragma once
// The macro benchmark's query set: queries made of words that occur in the
// archive, drawn deterministically (one seed) from a scan of every message.
//
// CorpusSampler sees each message once (add()), counts its words and keeps
// reservoir samples of messages: any message, messages in the filter channel,
// and messages by people. make_queries() then draws from them, e.g.
//
//   word      deploy                       a word of a random message (frequent words win)
//   rare      quorum                       a distinct word, uniformly (mostly rare words)
//   words     disk latency alert           2-3 words of one message
//   phrase    "disk full"                  two adjacent words of one message
//   in:       latency in:#ops-alerts       a word of a message in the filter channel
//   from:     review from:@bastian         a word of a message by that person
//
// Words are lowercase ASCII letters only (3-24 of them), taken from
// whitespace-separated tokens with surrounding punctuation stripped, so both
// Xapian's and SQLite's tokenizers see the same word. The same archive and seed
// give the same queries.

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"

namespace backscroll::bench {

enum class QueryClass { kWord, kRare, kWords, kPhrase, kInChannel, kFromUser };
inline constexpr QueryClass kAllQueryClasses[] = {QueryClass::kWord,      QueryClass::kRare,
                                                  QueryClass::kWords,     QueryClass::kPhrase,
                                                  QueryClass::kInChannel, QueryClass::kFromUser};
const char* query_class_name(QueryClass c);  // "word", "rare", "words", "phrase", "in:", "from:"

struct BenchQuery {
  QueryClass query_class = QueryClass::kWord;
  std::vector<std::string> words;     // One phrase when query_class is kPhrase.
  core::ConversationId conversation;  // kInChannel: the channel.
  std::string conversation_name;      // Its name, without '#'.
  core::UserId user;                  // kFromUser: the author.
  std::string user_name;              // Handle (or id when the handle is ambiguous).
};

// backscroll's query language: `disk latency`, `"disk full"`, `deploy in:#ops-alerts`,
// `review from:@bastian`.
std::string backscroll_query(const BenchQuery& q);
// FTS5 MATCH syntax: each word quoted ("disk" "latency", implicit AND), a phrase
// as one quoted string ("disk full"). Filters are not part of it.
std::string fts5_match(const BenchQuery& q);

// The words of `text` as the query set uses them, per line: a line's words in
// order, with an empty string where a token was dropped (so phrases never
// span a dropped token or a line break).
std::vector<std::string> query_words(std::string_view text);

class CorpusSampler {
 public:
  // `filter_channel`: the conversation for in: queries. `people`: users that
  // from: queries may name (not bots), with the name to use for each.
  CorpusSampler(std::uint64_t seed, core::ConversationId filter_channel,
                std::unordered_map<core::UserId, std::string> people);

  // Counts the words of `searchable_text` and maybe keeps the message.
  void add(const core::Message& message, std::string_view searchable_text);

  // `count` queries, classes mixed in a shuffled order: word 20%, rare 15%,
  // words 20%, phrase 15%, in: 15%, from: 15% (a class without material, e.g.
  // no message in the filter channel, is left out).
  std::vector<BenchQuery> make_queries(std::size_t count, const std::string& channel_name);

  std::size_t distinct_words() const { return counts_.size(); }

 private:
  struct Sample {
    std::vector<std::string> words;  // query_words() of the message.
    core::UserId user;
  };
  struct Reservoir {
    std::size_t capacity = 0;
    std::uint64_t seen = 0;
    std::vector<Sample> samples;
  };
  void offer(Reservoir& r, const std::vector<std::string>& words, const core::UserId& user);
  std::size_t uniform(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  bool pick_word(const Sample& s, std::string& out);
  bool pick_words(const Sample& s, std::size_t n, std::vector<std::string>& out);
  bool pick_pair(const Sample& s, std::vector<std::string>& out);

  std::mt19937_64 rng_;
  core::ConversationId filter_channel_;
  std::unordered_map<core::UserId, std::string> people_;
  std::unordered_map<std::string, std::uint64_t> counts_;
  Reservoir any_{20000};
  Reservoir channel_{5000};
  Reservoir by_people_{5000};
};

}  // namespace backscroll::bench
