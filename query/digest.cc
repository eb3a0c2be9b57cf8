#include "query/digest.h"

#include <algorithm>

#include "query/directory.h"
#include "query/thread.h"

namespace backscroll::query {
namespace {

constexpr std::size_t kPage = 200;

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

core::Result<DigestDocument> collect_digest(const Searcher& searcher, const store::Archive& archive,
                                            const DigestRequest& request) {
  SearchRequest search = request.search;
  search.sort = Sort::kNewest;
  search.facets = false;
  search.group_threads = false;
  std::vector<Hit> hits;
  std::size_t bots_left_out = 0;
  std::uint64_t total = 0;
  bool total_exact = true;
  const std::shared_ptr<const Directory> directory = searcher.directory();
  for (search.offset = 0; hits.size() + bots_left_out < request.max_hits;
       search.offset += search.limit) {
    search.limit = std::min(kPage, request.max_hits - hits.size() - bots_left_out);
    auto page = searcher.search(search);
    if (!page) return core::Unexpected{page.error()};
    total = page->total;
    total_exact = page->total_exact;
    const bool last = page->hits.size() < search.limit;
    for (Hit& hit : page->hits) {
      if (!request.include_bots && directory->is_bot_author(hit.message))
        ++bots_left_out;
      else
        hits.push_back(std::move(hit));
    }
    if (last) break;
  }

  DigestDocument digest;
  digest.title = "Search: " + request.search.query;
  for (const ThreadGroup& group : group_by_thread(hits)) {
    const Hit& newest = hits[group.hits.front()];
    ThreadView view;
    if (request.whole_threads) {
      auto whole =
          load_thread(archive, *directory, group.conversation.value, newest.message.ts.str());
      if (!whole) return core::Unexpected{whole.error()};
      view = std::move(*whole);
    } else {
      const core::Conversation* conversation = directory->conversation(group.conversation);
      if (conversation != nullptr) view.conversation = *conversation;
      view.conversation.id = group.conversation;
      view.conversation_name = newest.conversation;
      view.thread_ts = group.thread_ts.value_or(newest.message.ts);
      for (auto i = group.hits.rbegin(); i != group.hits.rend(); ++i)  // Oldest first.
        view.messages.push_back(std::move(hits[*i]));
    }
    digest.threads.push_back(std::move(view));
  }

  digest.summary = plural(digest.threads.size(), "thread") + ", " +
                   plural(hits.size(), "matching message") + ", newest first";
  const std::size_t taken = hits.size() + bots_left_out;
  if (taken < total)
    digest.summary += "; the newest " + std::to_string(taken) + " of " +
                      (total_exact ? "" : "about ") + std::to_string(total) + " matches";
  if (bots_left_out > 0)
    digest.summary += "; " + plural(bots_left_out, "matching bot message") + " left out";
  digest.summary += '.';
  return digest;
}

}  // namespace backscroll::query
