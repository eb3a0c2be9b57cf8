#include "query/search.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

#include "index/reader.h"
#include "index/schema.h"
#include "index/terms.h"
#include "index/text_analysis.h"
#include "index/xapian_error.h"
#include "query/directory.h"
#include "query/facets.h"
#include "query/free_text.h"
#include "query/index_lookups.h"
#include "query/parser.h"
#include "query/permalink.h"
#include "query/recency.h"
#include "query/snippet.h"
#include "store/archive.h"

namespace backscroll::query {
namespace {

// Totals are exact up to this many matches.
constexpr Xapian::doccount kExactTotal = 10000;
constexpr int kModifiedRetries = 3;
// No background model: it costs ~1.5 ms per page at 1M messages for little gain.
constexpr unsigned kSnippetFlags =
    Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM;

void set_sort(Xapian::Enquire& enquire, Sort sort) {
  switch (sort) {
    case Sort::kRelevance:
      enquire.set_sort_by_relevance();
      break;
    case Sort::kNewest:
      enquire.set_sort_by_value(index::kSlotTime, true);
      break;
    case Sort::kOldest:
      enquire.set_sort_by_value(index::kSlotTime, false);
      break;
  }
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
}

// True when `q` has a phrase, a filter or an AND: counting its matches means
// checking positions or skipping through other postings, which a second
// counting pass would do again for every candidate (measured at 1M messages:
// `word in:#channel` p50 6.0 -> 4.1 ms, two or three words 2.6 -> 2.1 ms).
bool counts_in_one_pass(const Xapian::Query& q) {
  const auto type = q.get_type();
  if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR ||
      type == Xapian::Query::OP_FILTER || type == Xapian::Query::OP_AND)
    return true;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (counts_in_one_pass(q.get_subquery(i))) return true;
  return false;
}

std::int64_t current_time() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::vector<ThreadGroup> group_by_thread(const std::vector<Hit>& hits) {
  std::vector<ThreadGroup> groups;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const core::Message& m = hits[i].message;
    const std::string ts = m.thread_ts ? m.thread_ts->str() : m.ts.str();
    auto [it, added] = index.emplace(std::pair{m.conversation_id.str(), ts}, groups.size());
    if (added) groups.push_back(ThreadGroup{m.conversation_id, m.thread_ts, {}});
    groups[it->second].hits.push_back(i);
  }
  return groups;
}

struct Searcher::Impl {
  const store::Archive& archive;
  std::filesystem::path index_dir;
  std::shared_ptr<const Directory> directory;
  Xapian::Database db;
  std::unique_ptr<IndexLookups> lookups;  // Tied to db and directory: reset with them.
  FreeText free_text;                     // In the index's language.
  Xapian::Stem stemmer;                   // The index's, for snippets.
  std::mutex mutex;

  Impl(const store::Archive& a, std::filesystem::path dir, std::shared_ptr<const Directory> d,
       Xapian::Database database, const index::Language& language)
      : archive(a),
        index_dir(std::move(dir)),
        directory(std::move(d)),
        db(std::move(database)),
        free_text(language),
        stemmer(index::make_stemmer(language)) {
    reset_lookups();
  }
  void reset_lookups() { lookups = std::make_unique<IndexLookups>(db, archive); }

  struct Built {
    ParsedQuery parsed;
    Xapian::Query query;  // With visible and recency applied.
    Sort sort;
  };
  core::Result<Built> build(const SearchRequest& request, std::int64_t now);
  core::Result<SearchResult> run(const SearchRequest& request);
  core::Result<Hit> load_hit(const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                             const SearchRequest& request);
  std::pair<std::uint64_t, bool> count(const Xapian::Query& query, const Xapian::MSet& mset);
  template <typename Body>
  auto guarded(Body&& body) -> decltype(body());
};

core::Result<Searcher::Impl::Built> Searcher::Impl::build(const SearchRequest& request,
                                                          std::int64_t now) {
  auto parsed =
      parse_query(request.query, FilterContext{*directory, now, lookups.get()}, free_text);
  if (!parsed) return core::Unexpected{parsed.error()};
  Built b{std::move(*parsed), {}, request.sort};
  b.query = b.parsed.query;
  if (request.visible) {
    std::vector<Xapian::Query> terms;
    for (const core::ConversationId& id : *request.visible)
      terms.emplace_back(index::boolean_term(index::kConversationPrefix, id.str()));
    b.query = terms.empty()
                  ? Xapian::Query::MatchNothing
                  : Xapian::Query(Xapian::Query::OP_FILTER, b.query,
                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  }
  if (b.sort == Sort::kRelevance && !b.parsed.has_words) b.sort = Sort::kNewest;
  if (request.recency && b.sort == Sort::kRelevance)
    b.query = with_recency(b.query, now, kRecencyWeight);
  return b;
}

core::Result<Hit> Searcher::Impl::load_hit(const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                                           const SearchRequest& request) {
  const std::string data = it.get_document().get_data();
  std::optional<index::DocumentKey> key = index::parse_document_data(data);
  if (!key)
    return core::fail(core::ErrorCode::kCorrupt, "index document " + std::to_string(*it) +
                                                     " has malformed data \"" + data +
                                                     "\": run backscroll check");
  auto message = archive.get_message(key->conversation, key->ts);
  if (!message) return core::Unexpected{message.error()};
  if (!*message) {
    core::Error error = core::make_error(core::ErrorCode::kCorrupt,
                                         "index and archive disagree: run backscroll check");
    error.hint = "the index has message " + key->conversation.str() + " " + key->ts.str() +
                 " which the archive lacks";
    return core::Unexpected{std::move(error)};
  }
  Hit hit = make_hit(std::move(**message), *directory);
  hit.snippet =
      mset.snippet(core::searchable_text(hit.message), kSnippetBytes, stemmer, kSnippetFlags,
                   std::string(kMarkStart), std::string(kMarkEnd), std::string(kSnippetOmit));
  hit.permalink = permalink(request.workspace_url, hit.message);
  return hit;
}

// The total and whether it is exact. Matching for a page stops early when it
// can; then a second, unweighted pass counts up to kExactTotal matches, and
// only when the bounds leave a total under kExactTotal in doubt. Queries with
// a phrase, a filter or an AND skip the early stop instead (check_at_least =
// kExactTotal in run(), counts_in_one_pass()): counting them re-checks every
// candidate, so one pass that does it once is cheaper than two.
std::pair<std::uint64_t, bool> Searcher::Impl::count(const Xapian::Query& query,
                                                     const Xapian::MSet& mset) {
  if (mset.get_matches_lower_bound() == mset.get_matches_upper_bound())
    return {mset.get_matches_lower_bound(), true};
  if (mset.get_matches_lower_bound() >= kExactTotal) return {mset.get_matches_estimated(), false};
  Xapian::Enquire counter(db);
  counter.set_query(query);
  counter.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet counted = counter.get_mset(0, 0, kExactTotal);
  if (counted.get_matches_lower_bound() == counted.get_matches_upper_bound())
    return {counted.get_matches_lower_bound(), true};
  return {std::max<std::uint64_t>(counted.get_matches_estimated(), kExactTotal), false};
}

// Throws Xapian::Error; the caller translates.
core::Result<SearchResult> Searcher::Impl::run(const SearchRequest& request) {
  auto built = build(request, request.now.value_or(current_time()));
  if (!built) return core::Unexpected{built.error()};
  Xapian::Enquire enquire(db);
  enquire.set_query(built->query);
  set_sort(enquire, built->sort);
  std::optional<FacetSpies> spies;
  const auto offset = static_cast<Xapian::doccount>(request.offset);
  const auto limit = static_cast<Xapian::doccount>(request.limit);
  // Phrases, filters and ANDs are counted exactly in the one pass (see count()).
  Xapian::doccount check_at_least = counts_in_one_pass(built->query) ? kExactTotal : 0;
  if (request.facets) {
    spies.emplace(db);
    spies->add_to(enquire);
    check_at_least = db.get_doccount();
  }
  Xapian::MSet mset = enquire.get_mset(offset, limit, check_at_least);
  SearchResult result;
  result.query = request.query;
  std::tie(result.total, result.total_exact) = count(built->query, mset);
  result.hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    core::Result<Hit> hit = load_hit(it, mset, request);
    if (!hit) return core::Unexpected{hit.error()};
    result.hits.push_back(std::move(*hit));
  }
  if (spies)
    result.facets =
        spies->collect(*directory, [&](const std::string& id) { return lookups->bot_name(id); });
  if (request.group_threads) result.threads = group_by_thread(result.hits);
  return result;
}

// Runs `body` translating Xapian's errors, reopening the index and retrying
// when it changed under us.
template <typename Body>
auto Searcher::Impl::guarded(Body&& body) -> decltype(body()) {
  const std::string context = "searching index " + index_dir.string();
  for (int attempt = 0;; ++attempt) {
    try {
      return body();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kModifiedRetries)
        return core::Unexpected{index::translate_xapian_error(e, context)};
      try {
        db.reopen();
        reset_lookups();
      } catch (const Xapian::Error& reopen_error) {
        return core::Unexpected{index::translate_xapian_error(reopen_error, context)};
      }
    } catch (const Xapian::WildcardError& e) {
      core::Error error = core::make_error(
          core::ErrorCode::kBadQuery,
          "a wildcard matches more than " + std::to_string(kMaxWildcardTerms) + " different words");
      error.hint = "make the prefix before * longer";
      return core::Unexpected{std::move(error)};
    } catch (const Xapian::Error& e) {
      return core::Unexpected{index::translate_xapian_error(e, context)};
    } catch (const std::bad_alloc&) {
      return core::fail(core::ErrorCode::kStorage, context + ": out of memory");
    }
  }
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

core::Result<std::unique_ptr<Searcher>> Searcher::open(const store::Archive& archive,
                                                       const std::filesystem::path& index_dir) {
  auto directory = Directory::load(archive);
  if (!directory) return core::Unexpected{directory.error()};
  auto db = index::open_reader(index_dir);
  if (!db) return core::Unexpected{db.error()};
  auto language = index::index_language(*db);
  if (!language) return core::Unexpected{language.error()};
  auto impl = std::make_unique<Impl>(archive, index_dir,
                                     std::make_shared<const Directory>(std::move(*directory)),
                                     std::move(*db), *language);
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

core::Result<SearchResult> Searcher::search(const SearchRequest& request) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->guarded([&] { return impl_->run(request); });
}

core::Result<Explanation> Searcher::explain(const SearchRequest& request) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->guarded([&]() -> core::Result<Explanation> {
    auto built = impl_->build(request, request.now.value_or(current_time()));
    if (!built) return core::Unexpected{built.error()};
    return Explanation{built->parsed.tokens, built->parsed.syntax, built->parsed.resolved,
                       built->query.get_description()};
  });
}

core::Result<void> Searcher::refresh() {
  auto directory = Directory::load(impl_->archive);
  if (!directory) return core::Unexpected{directory.error()};
  auto db = index::open_reader(impl_->index_dir);
  if (!db) return core::Unexpected{db.error()};
  auto language = index::index_language(*db);
  if (!language) return core::Unexpected{language.error()};
  std::lock_guard lock(impl_->mutex);
  impl_->directory = std::make_shared<const Directory>(std::move(*directory));
  impl_->db = std::move(*db);
  impl_->free_text = FreeText(*language);
  impl_->stemmer = index::make_stemmer(*language);
  impl_->reset_lookups();
  return {};
}

std::shared_ptr<const Directory> Searcher::directory() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->directory;
}

}  // namespace backscroll::query
