#pragma once
// DocumentBuilder turns one core::Message into the Xapian document that
// represents it (layout in index/SCHEMA.md):
//
//   unique id term   QC1:1516457078.000065
//   free text        core::searchable_text(message), via configure_term_generator():
//                    "disks" -> "disks" (positional) and "Zdisk"
//   boolean terms    XCC1, XAU1, XKplain, XHlink, XIreply, XTC1:1516457000.000100, ...
//   values           kSlotTime = sortable_serialise(1516457078.000065),
//                    kSlotConversation = "C1", kSlotAuthor = "U1"
//   data             "C1\n1516457078.000065"
//
// Thread-safety: a DocumentBuilder holds a TermGenerator; use one per thread.

#include <xapian.h>

#include "core/model.h"

namespace backscroll::index {

class DocumentBuilder {
 public:
  DocumentBuilder();

  // Builds the document for `message`. Never fails for a well-formed Message
  // (over-long words are skipped, over-long ids cut; see terms.h).
  Xapian::Document build(const core::Message& message);

 private:
  Xapian::TermGenerator generator_;
};

}  // namespace backscroll::index
