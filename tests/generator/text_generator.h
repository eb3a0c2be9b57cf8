#pragma once
// TextGenerator: bodies of human messages in one conversation. Templates (see
// vocabulary.cc) are plain text with placeholders and style markers:
//   {host} {service} {ticket} {hash} {ip} {error} {num} {pct} {version}
//   {metric} {word} {words}                  -> text
//   {user} {channel} {link} {emoji} {here}   -> mentions, links, emoji
//   *bold*  `code`  ~italic~                 -> styled text
// Example: "deploy of *{service}* to prod, commit `{hash}`" may give the
// mrkdwn "deploy of *billing* to prod, commit `3f9a2c1`".
// {word} and {words} (and plain English sentences) draw from the workspace's
// Lexicon, Zipf-distributed, with now and then a structured token among them
// (host web231.prod.example.com, ticket DAT-4127, hash, version, IP, number).

#include <string>
#include <string_view>
#include <vector>

#include "tests/generator/rich_text.h"
#include "tests/generator/rng.h"
#include "tests/generator/workspace.h"

namespace backscroll::generator {

class TextGenerator {
 public:
  // Both references must outlive the generator.
  TextGenerator(const Workspace& ws, const Conversation& conversation);

  // A top-level human message: one to three paragraphs, sometimes a code
  // block, a quote or a bullet list, in the conversation's language mix.
  RichText message(Rng& rng);
  // A thread reply: usually one short line.
  RichText reply(Rng& rng);
  // A template expanded to plain text (mentions become "@name").
  std::string plain(Rng& rng, std::string_view tmpl);

  std::string host(Rng& rng) const;
  std::string service(Rng& rng) const;
  std::string ticket(Rng& rng) const;
  std::string hash(Rng& rng) const;
  std::string version(Rng& rng) const;
  // A member of the conversation who can post (never a bot).
  int member(Rng& rng) const;

 private:
  void expand(Rng& rng, std::string_view tmpl, std::vector<Inline>& out);
  void placeholder(Rng& rng, std::string_view name, const Inline& style, std::vector<Inline>& out);
  std::string ip(Rng& rng) const;
  // A structured token: a host, ticket, short hash, version, IP or number.
  std::string token(Rng& rng) const;
  // min..max words drawn from the lexicon, a few of them structured tokens.
  std::string words(Rng& rng, int min, int max) const;
  std::vector<Inline> sentences(Rng& rng, int count);

  const Workspace& ws_;
  const Conversation& conv_;
  std::vector<int> posters_;   // Members able to post.
  std::vector<int> channels_;  // Public channels, for <#C…|name> links.
};

}  // namespace backscroll::generator
