#pragma once
// Tests only: message factories (and the shared temporary directory).

#include <stdlib.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/model.h"
#include "tests/support/temp_dir.h"

namespace backscroll::index::testing {

using TempDir = backscroll::testing::TempDir;

inline core::SlackTs ts(const char* text) {
  auto parsed = core::SlackTs::parse(text);
  if (!parsed) std::abort();
  return *parsed;
}

inline core::Message message(const char* conversation, const char* ts_text, const char* user,
                             std::string text) {
  core::Message m;
  m.conversation_id = core::ConversationId(conversation);
  m.ts = ts(ts_text);
  m.user_id = core::UserId(user);
  m.text = std::move(text);
  return m;
}

// All terms of a document or of one database document, in order.
inline std::vector<std::string> terms_of(const Xapian::Document& doc) {
  return {doc.termlist_begin(), doc.termlist_end()};
}

// Terms of a document with one of Xapian's/our boolean prefixes (Q, X...).
inline std::vector<std::string> boolean_terms_of(const Xapian::Document& doc) {
  std::vector<std::string> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (term[0] == 'Q' || term[0] == 'X') out.push_back(term);
  }
  return out;
}

}  // namespace backscroll::index::testing
