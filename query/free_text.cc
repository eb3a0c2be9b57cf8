#include "query/free_text.h"

#include <string>
#include <vector>

namespace backscroll::query {

core::Result<Xapian::Query> FreeText::wildcard(std::string_view prefix, Xapian::termpos& position) {
  const std::vector<std::string> words = text_.words(prefix);
  if (words.size() != 1) {
    core::Error e =
        core::make_error(core::ErrorCode::kBadQuery,
                         "a wildcard needs one word before the *: " + std::string(prefix) + "*");
    e.hint = "e.g. deploy*";
    return core::Unexpected{std::move(e)};
  }
  ++position;
  return Xapian::Query(Xapian::Query::OP_WILDCARD, words.front(), kMaxWildcardTerms,
                       Xapian::Query::WILDCARD_LIMIT_ERROR, Xapian::Query::OP_OR);
}

}  // namespace backscroll::query
