#include "index/document_builder.h"

#include <string>
#include <utility>
#include <vector>

#include "index/schema.h"
#include "index/terms.h"
#include "index/text_analysis.h"

namespace backscroll::index {

namespace {

bool has_non_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

}  // namespace

DocumentBuilder::DocumentBuilder(const Language& language) : stemmer_(make_stemmer(language)) {
  configure_term_generator(generator_, language);
}

void DocumentBuilder::add_free_text(Xapian::Document& doc, const core::Message& m) {
  const std::string text = core::searchable_text(m);
  generator_.set_document(doc);
  generator_.index_text(text);

  technical_.clear();
  find_technical_terms(text, technical_);
  for (const core::Reaction& r : m.reactions) {
    // "white_check_mark" -> the word and its parts, like ":white_check_mark:" in text.
    const std::string name = reaction_term(r.name).substr(kReactionPrefix.size());
    if (name.empty()) continue;
    technical_.part_text += name;
    technical_.part_text += '\n';
    find_technical_terms(name, technical_);
  }
  if (!technical_.part_text.empty()) {
    generator_.increase_termpos(kExtrasGap);
    generator_.index_text(technical_.part_text);
  }
  for (const std::string& term : technical_.exact) add_unpositioned_word(doc, term, stemmer_);
  if (has_non_ascii(text)) add_folded_words(doc);
}

// Each positional word with accents gets its folded form at the same
// positions (so phrases match either way) and the folded form's stem.
void DocumentBuilder::add_folded_words(Xapian::Document& doc) {
  std::vector<std::pair<std::string, std::vector<Xapian::termpos>>> folded;
  std::string out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    // Boolean (Q, X...) and stem (Z) terms start with an upper-case ASCII
    // letter; free-text words never do (they are lower-cased).
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
    if (!fold_accents(term, out)) continue;
    folded.emplace_back(out,
                        std::vector<Xapian::termpos>(t.positionlist_begin(), t.positionlist_end()));
  }
  for (const auto& [term, positions] : folded) {
    if (positions.empty()) {
      doc.add_term(term);  // A CJK bigram has no position.
    } else {
      for (Xapian::termpos p : positions) doc.add_posting(term, p);
    }
    if (gets_stem(term)) doc.add_term("Z" + stemmer_(term));
  }
}

Xapian::Document DocumentBuilder::build(const core::Message& m) {
  Xapian::Document doc;
  doc.set_data(document_data(m.conversation_id, m.ts));
  doc.add_boolean_term(id_term(m.conversation_id, m.ts));

  add_free_text(doc, m);

  doc.add_boolean_term(boolean_term(kConversationPrefix, m.conversation_id.str()));
  if (!m.user_id.empty()) doc.add_boolean_term(boolean_term(kAuthorPrefix, m.user_id.str()));
  if (!m.author_name.empty()) doc.add_boolean_term(bot_name_term(m.author_name));
  doc.add_boolean_term(boolean_term(kKindPrefix, core::message_kind_name(m.kind)));

  if (!m.links.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "link"));
  if (!m.files.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "file"));
  if (!m.reactions.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "reaction"));
  if (!m.attachments.empty()) doc.add_boolean_term(boolean_term(kHasPrefix, "attachment"));
  if (m.pinned) doc.add_boolean_term(boolean_term(kHasPrefix, "pin"));
  for (const core::Reaction& r : m.reactions) {
    std::string term = reaction_term(r.name);
    if (term.size() > kReactionPrefix.size()) doc.add_boolean_term(term);
  }

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
  doc.add_value(kSlotMonth, month_value(m.ts));
  return doc;
}

}  // namespace backscroll::index
