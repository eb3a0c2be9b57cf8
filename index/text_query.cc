#include "index/text_query.h"

#include <algorithm>
#include <map>

#include "index/text_analysis.h"
#include "index/tokenizer.h"

namespace backscroll::index {

namespace {

Xapian::Query phrase_of(const std::vector<std::string>& words, Xapian::termpos& position) {
  std::vector<Xapian::Query> terms;
  for (const std::string& w : words) terms.emplace_back(w, 1, ++position);
  if (terms.empty()) return Xapian::Query();
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

}  // namespace

TextQuery::TextQuery(const Language& language) { configure_term_generator(generator_, language); }

TextQuery::Analysis TextQuery::analyse(std::string_view text) {
  Xapian::Document doc;
  generator_.set_document(doc);
  generator_.set_termpos(0);
  generator_.index_text(std::string(text));
  std::map<Xapian::termpos, std::string> by_position;
  Analysis a;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (!term.empty() && term[0] == 'Z') {
      a.stems.push_back(term);
      continue;
    }
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_position[*p] = term;
  }
  for (auto& [pos, term] : by_position) a.words.push_back(std::move(term));
  return a;
}

Xapian::Query TextQuery::analysed_word(const Analysis& a, Xapian::termpos& position) {
  if (a.words.size() == 1) {
    const std::string& term = a.stems.size() == 1 ? a.stems.front() : a.words.front();
    return Xapian::Query(term, 1, ++position);
  }
  return phrase_of(a.words, position);
}

Xapian::Query TextQuery::word(std::string_view token, Xapian::termpos& position) {
  Xapian::Query whole = analysed_word(analyse(token), position);
  // An identifier also matches as its parts ("OutOfMemory" finds
  // "OutOfMemoryError", indexed with the parts out of memory error).
  const bool identifier = std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!identifier) return whole;
  const std::vector<std::string_view> parts = identifier_parts(token);
  if (parts.empty() || whole.empty()) return whole;
  std::string text;
  for (std::string_view p : parts) (text += p) += ' ';
  Xapian::Query split = analysed_word(analyse(text), position);
  if (split.empty()) return whole;
  return Xapian::Query(Xapian::Query::OP_OR, whole, split);
}

Xapian::Query TextQuery::phrase(std::string_view text, Xapian::termpos& position) {
  return phrase_of(analyse(text).words, position);
}

std::vector<std::string> TextQuery::words(std::string_view text) { return analyse(text).words; }

}  // namespace backscroll::index
