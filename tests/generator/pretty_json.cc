#include "tests/generator/pretty_json.h"

namespace backscroll::generator {
namespace {

void newline(std::string& out, int level) {
  out += '\n';
  out.append(static_cast<std::size_t>(level) * 4, ' ');
}

}  // namespace

void append_pretty(std::string& out, std::string_view in, int indent) {
  out.append(static_cast<std::size_t>(indent) * 4, ' ');
  int level = indent;
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    char c = in[i];
    switch (c) {
      case '"': {
        // Copy the whole string, honouring backslash escapes.
        std::size_t j = i + 1;
        while (j < n && in[j] != '"') j += (in[j] == '\\') ? 2 : 1;
        out.append(in.substr(i, j - i + 1));
        i = j;
        break;
      }
      case '{':
      case '[':
        if (i + 1 < n && (in[i + 1] == '}' || in[i + 1] == ']')) {
          out += c;
          out += in[++i];
        } else {
          out += c;
          newline(out, ++level);
        }
        break;
      case '}':
      case ']':
        newline(out, --level);
        out += c;
        break;
      case ',':
        out += ',';
        newline(out, level);
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace backscroll::generator
