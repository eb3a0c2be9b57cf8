#pragma once
// The language of an index: which Snowball stemmer free text goes through.
// Chosen when the index is built (`backscroll reindex --language german`),
// recorded in every shard (kMetaLanguage, see SCHEMA.md) and read back by the
// query side (index_language() in text_analysis.h), so a query is always
// stemmed the way the index was. English unless chosen otherwise.
//
// Kept free of Xapian so public headers (index.h) can name it.

#include <string>
#include <string_view>

#include "core/result.h"

namespace backscroll::index {

inline constexpr std::string_view kDefaultLanguage = "english";

class Language {
 public:
  // English.
  Language();

  // A Snowball stemmer name as Xapian spells it ("english", "german",
  // "french", ..., or "none" for no stemming), case-insensitive; also the
  // two-letter codes Xapian accepts ("de", "fr"). The result is normalised to
  // Xapian's full name ("de" -> "german"). kUsage for an unknown name, with
  // the available names in the hint.
  [[nodiscard]] static core::Result<Language> parse(std::string_view name);

  // Xapian's name of the stemmer, e.g. "english"; what is stored in kMetaLanguage.
  const std::string& name() const { return name_; }

  bool operator==(const Language&) const = default;

 private:
  explicit Language(std::string name) : name_(std::move(name)) {}
  std::string name_;
};

}  // namespace backscroll::index
