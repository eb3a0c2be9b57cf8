#include "index/document_builder.h"

#include <string>

#include "index/schema.h"
#include "index/terms.h"
#include "index/text_analysis.h"

namespace backscroll::index {

DocumentBuilder::DocumentBuilder() { configure_term_generator(generator_); }

Xapian::Document DocumentBuilder::build(const core::Message& m) {
  Xapian::Document doc;
  doc.set_data(document_data(m.conversation_id, m.ts));
  doc.add_boolean_term(id_term(m.conversation_id, m.ts));

  generator_.set_document(doc);
  generator_.index_text(core::searchable_text(m));

  doc.add_boolean_term(boolean_term(kConversationPrefix, m.conversation_id.str()));
  if (!m.user_id.empty()) doc.add_boolean_term(boolean_term(kAuthorPrefix, m.user_id.str()));
  doc.add_boolean_term(boolean_term(kKindPrefix, core::message_kind_name(m.kind)));

  if (!m.links.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "link"));
  if (!m.files.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "file"));
  if (!m.reactions.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "reaction"));
  if (!m.attachments.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "attachment"));
  if (m.pinned) doc.add_boolean_term(boolean_term(kHasPrefix, "pin"));

  if (m.thread_ts) {
    doc.add_boolean_term(boolean_term(kIsPrefix, "thread"));
    doc.add_boolean_term(thread_term(m.conversation_id, *m.thread_ts));
  }
  if (m.is_reply()) doc.add_boolean_term(boolean_term(kIsPrefix, "reply"));
  if (m.is_bot || m.kind == core::MessageKind::kBot) {
    doc.add_boolean_term(boolean_term(kIsPrefix, "bot"));
  }
  if (m.edited_ts) doc.add_boolean_term(boolean_term(kIsPrefix, "edited"));

  doc.add_value(kSlotTime, Xapian::sortable_serialise(static_cast<double>(m.ts.micros()) / 1e6));
  doc.add_value(kSlotConversation, m.conversation_id.str());
  if (!m.user_id.empty()) doc.add_value(kSlotAuthor, m.user_id.str());
  return doc;
}

}  // namespace backscroll::index
