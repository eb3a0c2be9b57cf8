#pragma once
// Internal to store/: how an incoming copy of a message, user or conversation
// combines with the stored one. The archive loses nothing:
//
// Messages (stored S, incoming I, same conversation and ts):
//   - I is Slack's tombstone and S is not: S stays (its text is what was
//     archived), marked deleted.
//   - S was edited later than I (S.edited_ts > I.edited_ts, or I never edited):
//     I is an older version (an older export ingested late): S stays, and I is
//     kept among the versions when its content differs.
//   - Otherwise I replaces S, and S is kept among the versions when its content
//     differs (an edit). A tombstone S gives way to the real message, which
//     stays marked deleted.
//   `deleted` never goes back to false.
// Users and conversations: the incoming copy wins, and every name the stored
// copy had that the incoming one no longer has is appended to former_names.
//
// "Content" is raw_text, blocks_text, attachments and files: a changed reaction
// or reply count replaces the message without keeping a version.

#include <optional>

#include "core/model.h"

namespace backscroll::store {

struct MessageMerge {
  core::Message message;                 // What the archive keeps as current.
  std::optional<core::Message> version;  // A previous version to keep, if any.
};

MessageMerge merge_message(const core::Message& stored, const core::Message& incoming);
core::Conversation merge_conversation(const core::Conversation& stored,
                                      core::Conversation incoming);
core::User merge_user(const core::User& stored, core::User incoming);

// True when the two copies differ in content (see above).
bool content_differs(const core::Message& a, const core::Message& b);

}  // namespace backscroll::store
