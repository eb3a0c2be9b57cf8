#include "query/search.h"

#include <xapian.h>

#include <algorithm>
#include <mutex>

#include "index/reader.h"
#include "index/schema.h"
#include "index/terms.h"
#include "index/text_analysis.h"
#include "index/xapian_error.h"
#include "query/directory.h"
#include "query/parser.h"
#include "query/snippet.h"
#include "store/archive.h"

namespace backscroll::query {
namespace {

constexpr Xapian::doccount kCheckAtLeast = 10000;
constexpr int kModifiedRetries = 3;

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

}  // namespace

struct Searcher::Impl {
  const store::Archive& archive;
  std::filesystem::path index_dir;
  Directory directory;
  Xapian::Database db;
  Xapian::Stem stemmer = index::make_stemmer();
  std::mutex mutex;

  core::Result<SearchResult> run(const ParsedQuery& query, const SearchRequest& request);
  core::Result<Hit> load_hit(const Xapian::MSetIterator& it, const Xapian::MSet& mset);
};

core::Result<Hit> Searcher::Impl::load_hit(const Xapian::MSetIterator& it,
                                           const Xapian::MSet& mset) {
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
  Hit hit = make_hit(std::move(**message), directory);
  hit.snippet =
      mset.snippet(core::searchable_text(hit.message), kSnippetBytes, stemmer,
                   Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                       Xapian::MSet::SNIPPET_CJK_NGRAM,
                   std::string(kMarkStart), std::string(kMarkEnd), std::string(kSnippetOmit));
  return hit;
}

// Throws Xapian::Error; the caller translates.
core::Result<SearchResult> Searcher::Impl::run(const ParsedQuery& query,
                                               const SearchRequest& request) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query.query);
  Sort sort = request.sort;
  if (sort == Sort::kRelevance && !query.has_words) sort = Sort::kNewest;
  set_sort(enquire, sort);
  const auto offset = static_cast<Xapian::doccount>(request.offset);
  const auto limit = static_cast<Xapian::doccount>(request.limit);
  Xapian::MSet mset =
      enquire.get_mset(offset, limit, std::max<Xapian::doccount>(kCheckAtLeast, offset + limit));
  SearchResult result;
  result.query = request.query;
  result.total = mset.get_matches_estimated();
  result.hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    core::Result<Hit> hit = load_hit(it, mset);
    if (!hit) return core::Unexpected{hit.error()};
    result.hits.push_back(std::move(*hit));
  }
  return result;
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

core::Result<std::unique_ptr<Searcher>> Searcher::open(const store::Archive& archive,
                                                       const std::filesystem::path& index_dir) {
  auto directory = Directory::load(archive);
  if (!directory) return core::Unexpected{directory.error()};
  auto db = index::open_reader(index_dir);
  if (!db) return core::Unexpected{db.error()};
  auto impl =
      std::unique_ptr<Impl>(new Impl{archive, index_dir, std::move(*directory), std::move(*db)});
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

core::Result<SearchResult> Searcher::search(const SearchRequest& request) const {
  core::Result<ParsedQuery> query = parse_query(request.query, impl_->directory);
  if (!query) return core::Unexpected{query.error()};
  std::lock_guard lock(impl_->mutex);
  const std::string context = "searching index " + impl_->index_dir.string();
  for (int attempt = 0;; ++attempt) {
    try {
      return impl_->run(*query, request);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kModifiedRetries)
        return core::Unexpected{index::translate_xapian_error(e, context)};
      try {
        impl_->db.reopen();
      } catch (const Xapian::Error& reopen_error) {
        return core::Unexpected{index::translate_xapian_error(reopen_error, context)};
      }
    } catch (const Xapian::Error& e) {
      return core::Unexpected{index::translate_xapian_error(e, context)};
    } catch (const std::bad_alloc&) {
      return core::fail(core::ErrorCode::kStorage, context + ": out of memory");
    }
  }
}

core::Result<std::string> Searcher::explain(std::string_view query) const {
  core::Result<ParsedQuery> parsed = parse_query(query, impl_->directory);
  if (!parsed) return core::Unexpected{parsed.error()};
  return parsed->query.get_description();
}

}  // namespace backscroll::query
