#include "query/parser.h"

#include <map>
#include <string>
#include <vector>

#include "index/text_analysis.h"
#include "query/field_processors.h"
#include "query/query_split.h"

namespace backscroll::query {
namespace {

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PURE_NOT |
                            index::kQueryParserFlags;

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& queries) {
  return queries.size() == 1 ? queries.front() : Xapian::Query(op, queries.begin(), queries.end());
}

// Column of "keyword:value" (value possibly quoted) in the query, if found.
std::optional<std::size_t> find_column(std::string_view q, const std::string& keyword,
                                       const std::string& value) {
  for (const std::string& form : {keyword + ":" + value, keyword + ":\"" + value})
    if (auto pos = q.find(form); pos != std::string_view::npos) return pos + 1;
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(const Directory& directory) : directory_(directory) {
    index::configure_query_parser(parser_);
    parser_.set_default_op(Xapian::Query::OP_AND);
    add_field_processors(parser_, directory, slot_);
  }

  core::Result<ParsedQuery> parse(std::string_view query) {
    auto split = split_query(query);
    if (!split) return core::Unexpected{split.error()};
    Xapian::Query text_query = Xapian::Query::MatchAll;
    bool has_words = false;
    if (!split->text.empty()) {
      auto parsed = parse_text(query, split->text, has_words);
      if (!parsed) return core::Unexpected{parsed.error()};
      if (parsed->empty())
        return core::fail(core::ErrorCode::kBadQuery,
                          "query has nothing to search for: \"" + std::string(query) + "\"");
      text_query = *parsed;
    }
    auto filtered = apply_filters(text_query, split->filters);
    if (!filtered) return core::Unexpected{filtered.error()};
    return ParsedQuery{std::move(*filtered), has_words};
  }

 private:
  // Free text through Xapian's QueryParser. Xapian drops a leading '-' when
  // nothing is left to subtract from ("-foo" would find foo), so text made of
  // negations only becomes everything AND_NOT (the negated items OR-ed).
  core::Result<Xapian::Query> parse_text(std::string_view query,
                                         const std::vector<std::string>& items, bool& has_words) {
    try {
      bool all_negated = true;
      for (const std::string& item : items)
        all_negated = all_negated && item.size() > 1 && item.front() == '-' &&
                      item.find_first_of("()") == std::string::npos;
      if (!all_negated) {
        has_words = true;
        std::string text;
        for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
        return parser_.parse_query(text, kFlags);
      }
      std::vector<Xapian::Query> excluded;
      for (const std::string& item : items) {
        Xapian::Query q = parser_.parse_query(item.substr(1), kFlags);
        if (!q.empty()) excluded.push_back(q);
      }
      if (excluded.empty()) return Xapian::Query();
      return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                           combine(Xapian::Query::OP_OR, excluded));
    } catch (const Xapian::QueryParserError& e) {
      if (slot_.error) {
        core::Error error = *slot_.error;
        error.where.column = find_column(query, slot_.keyword, slot_.value);
        return core::Unexpected{std::move(error)};
      }
      core::Error error =
          core::make_error(core::ErrorCode::kBadQuery, "cannot parse query: " + e.get_msg());
      error.hint =
          "AND, OR and NOT need words on both sides; write them in lower case to search "
          "for them";
      return core::Unexpected{std::move(error)};
    } catch (const Xapian::Error& e) {
      return core::fail(core::ErrorCode::kInternal,
                        std::string("query parser failed: ") + e.get_type() + ": " + e.get_msg());
    }
  }

  // text FILTER (each keyword's filters combined, keywords AND-ed)
  //      AND_NOT (the negated filters OR-ed).
  core::Result<Xapian::Query> apply_filters(Xapian::Query query,
                                            const std::vector<Filter>& filters) {
    std::vector<std::string> order;  // Keywords in order of first use.
    std::map<std::string, std::vector<Xapian::Query>> positive;
    std::vector<Xapian::Query> negative;
    for (const Filter& f : filters) {
      auto q = filter_query(f.keyword, f.value, directory_);
      if (!q) {
        core::Error error = q.error();
        error.where.column = f.column;
        return core::Unexpected{std::move(error)};
      }
      if (f.negated) {
        negative.push_back(*q);
        continue;
      }
      if (!positive.contains(f.keyword)) order.push_back(f.keyword);
      positive[f.keyword].push_back(*q);
    }
    std::vector<Xapian::Query> groups;
    for (const std::string& keyword : order) {
      const Keyword* k = find_keyword(keyword);
      groups.push_back(
          combine(k->repeats_or ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, positive[keyword]));
    }
    if (!groups.empty())
      query =
          Xapian::Query(Xapian::Query::OP_FILTER, query, combine(Xapian::Query::OP_AND, groups));
    if (!negative.empty())
      query =
          Xapian::Query(Xapian::Query::OP_AND_NOT, query, combine(Xapian::Query::OP_OR, negative));
    return query;
  }

  const Directory& directory_;
  Xapian::QueryParser parser_;
  ParseErrorSlot slot_;
};

}  // namespace

core::Result<ParsedQuery> parse_query(std::string_view text, const Directory& directory) {
  return Parser(directory).parse(text);
}

}  // namespace backscroll::query
