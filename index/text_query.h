#pragma once
// Query words -> Xapian queries that match what the document builder indexed.
// query/ calls this for every free-text word and quoted phrase of a query, so
// the tokenization rules (text_analysis.h, tokenizer.h, index/TOKENS.md) live
// in index/ only:
//
//   word("deploy")            -> Zdeploy                  stem when there is one
//   word("2020"), word("7cf4e0a"), word("10.0.3") -> the term as is
//   word("#6888")             -> 6888
//   word("batch2.prod")       -> (batch2 PHRASE 2 prod)   parts at consecutive positions
//   word("feature/dat-220")   -> (feature PHRASE 3 dat PHRASE 3 220)
//   word("OutOfMemory")       -> (Zoutofmemory OR (out PHRASE 3 of PHRASE 3 memory))
//   word("disk_space")        -> (Zdisk_spac OR (disk PHRASE 2 space))
//   word("Störung")           -> Zstörung (accent-free "storung" is indexed too)
//   word("東京")              -> (東 PHRASE 2 京)
//   phrase("disk full")       -> (disk PHRASE 2 full)     words unstemmed, in order
//
// A word or phrase with nothing indexable ("***") gives an empty Xapian::Query.
// Not thread-safe: one TextQuery per thread (it holds a TermGenerator).

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "index/language.h"

namespace backscroll::index {

class TextQuery {
 public:
  // `language` must be the index's: index_language() (text_analysis.h).
  explicit TextQuery(const Language& language = Language());

  // One word as the user typed it (no spaces). `position` numbers query terms
  // (1, 2, ... as Xapian's QueryParser does); each call advances it past the
  // terms it used.
  Xapian::Query word(std::string_view token, Xapian::termpos& position);

  // A quoted phrase: its words unstemmed, in order; one word alone is that term.
  Xapian::Query phrase(std::string_view text, Xapian::termpos& position);

  // The positional (unstemmed) terms `text` is indexed as, in order; CJK
  // bigrams (which have no position) are left out. For wildcards: "deploy"
  // -> {"deploy"}, "a.b" -> {"a", "b"}.
  std::vector<std::string> words(std::string_view text);

 private:
  struct Analysis {
    std::vector<std::string> words;  // By position.
    std::vector<std::string> stems;  // "Zdeploy", ... sorted.
  };
  Analysis analyse(std::string_view text);
  Xapian::Query analysed_word(const Analysis& a, Xapian::termpos& position);

  Xapian::TermGenerator generator_;
};

}  // namespace backscroll::index
