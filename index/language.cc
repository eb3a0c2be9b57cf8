#include "index/language.h"

#include <xapian.h>

#include <cctype>
#include <sstream>

namespace backscroll::index {

namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Xapian's two-letter codes and aliases map to one of these full names.
bool is_full_name(const std::string& name) {
  if (name == "none") return true;
  std::istringstream names(Xapian::Stem::get_available_languages());
  for (std::string n; names >> n;)
    if (n == name) return true;
  return false;
}

}  // namespace

Language::Language() : name_(kDefaultLanguage) {}

core::Result<Language> Language::parse(std::string_view name) {
  const std::string wanted = lower_ascii(name);
  if (is_full_name(wanted)) return Language(wanted);
  // Aliases ("de", "deutsch", ...): Xapian accepts them; find the full name
  // whose stemmer describes itself the same way.
  try {
    const std::string description = Xapian::Stem(wanted).get_description();
    std::istringstream names(Xapian::Stem::get_available_languages());
    for (std::string n; names >> n;)
      if (Xapian::Stem(n).get_description() == description) return Language(n);
  } catch (const Xapian::Error&) {
  }
  core::Error e =
      core::make_error(core::ErrorCode::kUsage, "unknown language \"" + std::string(name) + "\"");
  e.hint = "available: none " + Xapian::Stem::get_available_languages();
  return core::Unexpected{std::move(e)};
}

}  // namespace backscroll::index
