// backscroll-genexport: writes a deterministic, realistic Slack workspace
// export and prints a one-line JSON manifest of exact counts.
//   backscroll-genexport --messages N [--seed S] [--start YYYY-MM-DD]
//                        [--days D] [--zip] OUT
// Exit codes: 0 success, 1 generation failed, 2 usage error.

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "tests/generator/export_generator.h"

namespace {

namespace gen = backscroll::generator;

constexpr const char* kUsage =
    "usage: backscroll-genexport --messages N [--seed S] [--start YYYY-MM-DD] [--days D] "
    "[--zip] OUT\n"
    "  --messages N   exact number of messages to write (required)\n"
    "  --seed S       random seed (default 1); same seed and N give identical bytes\n"
    "  --start DAY    first day, Pacific time (default 2023-01-02)\n"
    "  --days D       days covered by top-level messages (default 365)\n"
    "  --zip          write OUT as a zip archive instead of a folder\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "backscroll-genexport: %s\n%s", message.c_str(), kUsage);
  return 2;
}

std::optional<std::uint64_t> parse_uint(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

int run(int argc, char** argv) {
  gen::GeneratorOptions options;
  std::optional<std::uint64_t> messages;
  std::optional<std::string> out;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg == "--zip") {
      options.zip = true;
      continue;
    }
    if (arg == "--messages" || arg == "--seed" || arg == "--start" || arg == "--days") {
      if (i + 1 >= argc) return usage_error(std::string(arg) + " needs a value");
      std::string_view value = argv[++i];
      if (arg == "--start") {
        auto day = backscroll::core::parse_day(value);
        if (!day) return usage_error("--start wants YYYY-MM-DD, got '" + std::string(value) + "'");
        options.start = *day;
        continue;
      }
      auto n = parse_uint(value);
      if (!n)
        return usage_error(std::string(arg) + " wants a non-negative integer, got '" +
                           std::string(value) + "'");
      if (arg == "--messages") {
        messages = *n;
      } else if (arg == "--seed") {
        options.seed = *n;
      } else {
        if (*n < 1 || *n > 36500) return usage_error("--days must be between 1 and 36500");
        options.days = static_cast<int>(*n);
      }
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') return usage_error("unknown option " + std::string(arg));
    if (out) return usage_error("more than one output path");
    out = std::string(arg);
  }
  if (!messages) return usage_error("--messages is required");
  if (!out) return usage_error("missing output path OUT");
  options.messages = *messages;

  auto stats = gen::generate_export(options, *out);
  if (!stats) {
    std::fprintf(stderr, "backscroll-genexport: %s\n", stats.error().describe().c_str());
    return stats.error().code == backscroll::core::ErrorCode::kUsage ? 2 : 1;
  }
  std::printf("%s\n", gen::manifest_json(*stats, options).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "backscroll-genexport: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "backscroll-genexport: internal error\n");
  }
  return 1;
}
