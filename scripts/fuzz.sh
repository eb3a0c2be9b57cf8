#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang-14, AddressSanitizer and
# UBSan, and runs each for FUZZ_SECONDS (default 60) on a seed corpus taken
# from tests/fixtures. Any crash, sanitizer report, leak or timeout fails the
# run (libFuzzer exits non-zero and leaves the input as crash-*/leak-*/timeout-*
# in build-fuzz/artifacts/). Installs clang-14 and libFuzzer's runtime when
# missing (apt-get, sudo when not root), so the main test command stays lean.
# Usage: scripts/fuzz.sh [target...]   targets: day_file markup query_parser
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(day_file markup query_parser)

packages=(clang-14 libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
scripts/install-deps.sh

build=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBACKSCROLL_SANITIZE=ON -DBACKSCROLL_FUZZ=ON -DBACKSCROLL_BENCH=OFF -DBUILD_TESTING=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

# Seeds: every JSON file of the fixtures (day files, and text full of markup),
# and the README's example queries.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/json" "$seeds/query" "$build/artifacts"
find tests/fixtures -name '*.json' -size -200k | while read -r f; do
  cp "$f" "$seeds/json/$(echo "$f" | tr '/' '_')"
done
i=0
for q in 'disk space' '"out of disk"' 'disk -space' 'a OR b' 'in:#ops-alerts disk_space' \
  'from:@bastian after:2020-10-01 "out of disk"' 'before:2020-10-01 on:2020-10-02' \
  'is:thread deploy' 'in:#C1 from:@U1 (a OR b) -c'; do
  printf '%s' "$q" >"$seeds/query/$((i++))"
done

# Leaks inside third-party libraries only (see the file); ours still fail the run.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
status=0
for t in "${targets[@]}"; do
  seed="$seeds/json"
  [ "$t" = query_parser ] && seed="$seeds/query"
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  echo "fuzz: $t for ${seconds} s"
  if ! "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
    "$corpus" "$seed" 2>"$build/fuzz-$t.log"; then
    tail -n 60 "$build/fuzz-$t.log" >&2
    echo "fuzz: $t FAILED (log: $build/fuzz-$t.log)" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units' "$build/fuzz-$t.log" || true
  fi
done
exit $status
