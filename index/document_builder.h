#pragma once
// DocumentBuilder turns one core::Message into the Xapian document that
// represents it (layout in index/SCHEMA.md, token rules in index/TOKENS.md):
//
//   unique id term   QC1:1516457078.000065
//   free text        core::searchable_text(message), via configure_term_generator():
//                    "disks" -> "disks" (positional) and "Zdisk"
//   technical extras after the text (tokenizer.h): identifier parts
//                    ("OutOfMemoryError" -> out of memory error), reaction
//                    names, hex and IPv4 prefixes, accent-folded words
//   boolean terms    XCC1, XAU1, XKplain, XHlink, XIreply, XRfire, XBpagerduty,
//                    XTC1:1516457000.000100, ...
//   values           kSlotTime = sortable_serialise(1516457078.000065),
//                    kSlotConversation = "C1", kSlotAuthor = "U1", kSlotMonth = "2018-01"
//   data             "C1\n1516457078.000065"
//
// Thread-safety: a DocumentBuilder holds a TermGenerator; use one per thread.

#include <xapian.h>

#include <string>

#include "core/model.h"
#include "index/language.h"
#include "index/tokenizer.h"

namespace backscroll::index {

// Positions between the message's text and the technical extras, so that no
// phrase spans the two.
inline constexpr Xapian::termpos kExtrasGap = 100;

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Language& language = Language());

  // Builds the document for `message`. Never fails for a well-formed Message
  // (over-long words are skipped, over-long ids cut; see terms.h).
  Xapian::Document build(const core::Message& message);

 private:
  void add_free_text(Xapian::Document& doc, const core::Message& message);
  void add_folded_words(Xapian::Document& doc);

  Xapian::TermGenerator generator_;
  Xapian::Stem stemmer_;
  TechnicalTerms technical_;  // Reused between messages.
};

}  // namespace backscroll::index
