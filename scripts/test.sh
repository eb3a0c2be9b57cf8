#!/usr/bin/env bash
# Builds backscroll with AddressSanitizer and UBSan (Debug) and runs every
# test: unit tests per module and end-to-end tests of the real binary.
# Extra arguments go to ctest (e.g. -R e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DBACKSCROLL_SANITIZE=ON -DBACKSCROLL_BENCH=OFF >/dev/null
cmake --build build-test -j"$(nproc)"
# Leaks inside Xapian itself (see tests/lsan.supp) are not ours to fix.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
cd build-test
ctest --output-on-failure -j"$(nproc)" "$@"
