#include "index/text_analysis.h"

#include "index/schema.h"
#include "index/xapian_error.h"

namespace backscroll::index {

Xapian::Stem make_stemmer(const Language& language) { return Xapian::Stem(language.name()); }

void configure_term_generator(Xapian::TermGenerator& generator, const Language& language) {
  generator.set_stemmer(make_stemmer(language));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  generator.set_max_word_length(kMaxWordLength);
}

void configure_query_parser(Xapian::QueryParser& parser, const Language& language) {
  parser.set_stemmer(make_stemmer(language));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
}

bool gets_stem(std::string_view term) {
  if (term.empty()) return false;
  // Xapian's own test (termgenerator_internal.cc: should_stem()).
  constexpr unsigned kStemmedCategories =
      (1u << Xapian::Unicode::LOWERCASE_LETTER) | (1u << Xapian::Unicode::TITLECASE_LETTER) |
      (1u << Xapian::Unicode::MODIFIER_LETTER) | (1u << Xapian::Unicode::OTHER_LETTER);
  Xapian::Utf8Iterator it(term.data(), term.size());
  return (kStemmedCategories >> Xapian::Unicode::get_category(*it)) & 1u;
}

void add_unpositioned_word(Xapian::Document& doc, const std::string& term,
                           const Xapian::Stem& stemmer) {
  doc.add_term(term);
  if (gets_stem(term)) doc.add_term("Z" + stemmer(term));
}

core::Result<Language> index_language(const Xapian::Database& db) {
  return xapian_guard("reading the index's language", [&]() -> core::Result<Language> {
    const std::string version = db.get_metadata(std::string(kMetaSchemaVersion));
    const std::string name = db.get_metadata(std::string(kMetaLanguage));
    if (version != kSchemaVersion || name.empty()) {
      core::Error e = core::make_error(
          core::ErrorCode::kCorrupt,
          "the search index has schema version " + (version.empty() ? "(none)" : version) +
              (name.empty() ? " and no language" : "") + ", this backscroll reads version " +
              std::string(kSchemaVersion));
      e.hint = "run `backscroll reindex` to rebuild the index";
      return core::Unexpected{std::move(e)};
    }
    auto language = Language::parse(name);
    if (!language) {
      return core::fail(core::ErrorCode::kCorrupt,
                        "the search index names an unknown language \"" + name + "\"");
    }
    return *language;
  });
}

}  // namespace backscroll::index
