#include "bench/query_set.h"

#include <algorithm>
#include <utility>

namespace backscroll::bench {
namespace {

constexpr std::size_t kMinWord = 3;
constexpr std::size_t kMaxWord = 24;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_strippable(char c) {
  return std::string_view(".,;:!?()[]{}\"*_~<>'").find(c) != std::string_view::npos;
}

// The token as a query word, or "" when it is not one.
std::string as_word(std::string_view token) {
  while (!token.empty() && is_strippable(token.front())) token.remove_prefix(1);
  while (!token.empty() && is_strippable(token.back())) token.remove_suffix(1);
  if (token.size() < kMinWord || token.size() > kMaxWord) return {};
  std::string word;
  for (char c : token) {
    if (!is_letter(c)) return {};
    word += static_cast<char>(c | 0x20);
  }
  return word;
}

}  // namespace

const char* query_class_name(QueryClass c) {
  switch (c) {
    case QueryClass::kWord:
      return "word";
    case QueryClass::kRare:
      return "rare";
    case QueryClass::kWords:
      return "words";
    case QueryClass::kPhrase:
      return "phrase";
    case QueryClass::kInChannel:
      return "in:";
    case QueryClass::kFromUser:
      return "from:";
  }
  return "?";
}

std::string backscroll_query(const BenchQuery& q) {
  std::string out;
  for (const std::string& w : q.words) out += (out.empty() ? "" : " ") + w;
  if (q.query_class == QueryClass::kPhrase) out = "\"" + out + "\"";
  if (q.query_class == QueryClass::kInChannel) out += " in:#" + q.conversation_name;
  if (q.query_class == QueryClass::kFromUser) out += " from:@" + q.user_name;
  return out;
}

std::string fts5_match(const BenchQuery& q) {
  std::string out;
  if (q.query_class == QueryClass::kPhrase) {
    for (const std::string& w : q.words) out += (out.empty() ? "" : " ") + w;
    return "\"" + out + "\"";
  }
  for (const std::string& w : q.words) out += (out.empty() ? "\"" : " \"") + w + "\"";
  return out;
}

std::vector<std::string> query_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      words.emplace_back();
      ++i;
      continue;
    }
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]) && text[end] != '\n') ++end;
    words.push_back(as_word(text.substr(i, end - i)));
    i = end;
  }
  return words;
}

CorpusSampler::CorpusSampler(std::uint64_t seed, core::ConversationId filter_channel,
                             std::unordered_map<core::UserId, std::string> people)
    : rng_(seed), filter_channel_(std::move(filter_channel)), people_(std::move(people)) {}

void CorpusSampler::add(const core::Message& message, std::string_view searchable_text) {
  std::vector<std::string> words = query_words(searchable_text);
  bool any = false;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    ++counts_[w];
    any = true;
  }
  if (!any) return;
  offer(any_, words, message.user_id);
  if (message.conversation_id == filter_channel_) offer(channel_, words, message.user_id);
  if (!message.is_bot && people_.count(message.user_id)) offer(by_people_, words, message.user_id);
}

void CorpusSampler::offer(Reservoir& r, const std::vector<std::string>& words,
                          const core::UserId& user) {
  ++r.seen;
  if (r.samples.size() < r.capacity) {
    r.samples.push_back({words, user});
    return;
  }
  const std::size_t slot = static_cast<std::size_t>(rng_() % r.seen);
  if (slot < r.capacity) r.samples[slot] = {words, user};
}

bool CorpusSampler::pick_word(const Sample& s, std::string& out) {
  std::vector<const std::string*> candidates;
  for (const std::string& w : s.words)
    if (!w.empty()) candidates.push_back(&w);
  if (candidates.empty()) return false;
  out = *candidates[uniform(candidates.size())];
  return true;
}

bool CorpusSampler::pick_words(const Sample& s, std::size_t n, std::vector<std::string>& out) {
  std::vector<std::string> distinct;
  for (const std::string& w : s.words)
    if (!w.empty() && std::find(distinct.begin(), distinct.end(), w) == distinct.end())
      distinct.push_back(w);
  if (distinct.size() < n) return false;
  out.clear();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = k + uniform(distinct.size() - k);
    std::swap(distinct[k], distinct[i]);
    out.push_back(distinct[k]);
  }
  return true;
}

bool CorpusSampler::pick_pair(const Sample& s, std::vector<std::string>& out) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i)
    if (!s.words[i].empty() && !s.words[i + 1].empty()) starts.push_back(i);
  if (starts.empty()) return false;
  const std::size_t i = starts[uniform(starts.size())];
  out = {s.words[i], s.words[i + 1]};
  return true;
}

std::vector<BenchQuery> CorpusSampler::make_queries(std::size_t count,
                                                    const std::string& channel_name) {
  // Percent of the queries per class, in kAllQueryClasses order.
  constexpr std::size_t kShare[] = {20, 15, 20, 15, 15, 15};
  std::vector<QueryClass> plan;
  for (std::size_t c = 0; c < std::size(kAllQueryClasses); ++c) {
    const QueryClass qc = kAllQueryClasses[c];
    if (qc == QueryClass::kInChannel && channel_.samples.empty()) continue;
    if (qc == QueryClass::kFromUser && by_people_.samples.empty()) continue;
    for (std::size_t k = 0; k < count * kShare[c] / 100; ++k) plan.push_back(qc);
  }
  while (plan.size() < count) plan.push_back(QueryClass::kWord);
  for (std::size_t i = plan.size(); i > 1; --i) std::swap(plan[i - 1], plan[uniform(i)]);

  std::vector<std::string> vocabulary;
  for (const auto& [word, n] : counts_) vocabulary.push_back(word);
  std::sort(vocabulary.begin(), vocabulary.end());  // unordered_map order is not portable.

  std::vector<BenchQuery> queries;
  if (any_.samples.empty()) return queries;
  for (QueryClass qc : plan) {
    BenchQuery q;
    q.query_class = qc;
    for (int attempt = 0; attempt < 1000; ++attempt) {
      bool ok = false;
      std::string word;
      switch (qc) {
        case QueryClass::kWord:
          ok = pick_word(any_.samples[uniform(any_.samples.size())], word);
          q.words = {word};
          break;
        case QueryClass::kRare:
          q.words = {vocabulary[uniform(vocabulary.size())]};
          ok = true;
          break;
        case QueryClass::kWords:
          ok = pick_words(any_.samples[uniform(any_.samples.size())], 2 + uniform(2), q.words);
          break;
        case QueryClass::kPhrase:
          ok = pick_pair(any_.samples[uniform(any_.samples.size())], q.words);
          break;
        case QueryClass::kInChannel:
          ok = pick_word(channel_.samples[uniform(channel_.samples.size())], word);
          q.words = {word};
          q.conversation = filter_channel_;
          q.conversation_name = channel_name;
          break;
        case QueryClass::kFromUser: {
          const Sample& s = by_people_.samples[uniform(by_people_.samples.size())];
          ok = pick_word(s, word);
          q.words = {word};
          q.user = s.user;
          q.user_name = people_.at(s.user);
          break;
        }
      }
      if (ok) break;
    }
    if (!q.words.empty() && !q.words.front().empty()) queries.push_back(std::move(q));
  }
  return queries;
}

}  // namespace backscroll::bench
