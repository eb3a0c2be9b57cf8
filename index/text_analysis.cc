#include "index/text_analysis.h"

namespace backscroll::index {

Xapian::Stem make_stemmer() { return Xapian::Stem(kStemLanguage); }

void configure_term_generator(Xapian::TermGenerator& generator) {
  generator.set_stemmer(make_stemmer());
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  generator.set_max_word_length(kMaxWordLength);
}

void configure_query_parser(Xapian::QueryParser& parser) {
  parser.set_stemmer(make_stemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
}

}  // namespace backscroll::index
