#pragma once
// Word lists and sentence templates for generated messages. Data only; see
// text_generator.h for the template syntax.

#include <span>
#include <string_view>

namespace backscroll::generator::vocab {

struct Emoji {
  std::string_view name;
  std::string_view unicode;  // Empty for custom emoji.
};

// Filler words, most frequent first: the head of the Lexicon (lexicon.h).
std::span<const std::string_view> words();
std::span<const std::string_view> services();
std::span<const std::string_view> host_roles();
std::span<const std::string_view> errors();
std::span<const std::string_view> ticket_projects();
std::span<const std::string_view> metrics();
std::span<const std::string_view> link_labels();
std::span<const Emoji> emoji();
std::span<const std::string_view> code_blocks();
std::span<const std::string_view> file_names();

// Sentence templates by language and purpose.
std::span<const std::string_view> english_ops();
std::span<const std::string_view> english_chat();
std::span<const std::string_view> english_replies();
std::span<const std::string_view> german();
std::span<const std::string_view> japanese();
std::span<const std::string_view> chinese();

}  // namespace backscroll::generator::vocab
