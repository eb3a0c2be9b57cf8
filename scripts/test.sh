#!/usr/bin/env bash
# Builds backscroll with AddressSanitizer and UBSan (Debug) and runs every
# test: unit tests per module and end-to-end tests of the real binary.
# Extra arguments go to ctest (e.g. -R e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DBACKSCROLL_SANITIZE=ON -DBACKSCROLL_BENCH=OFF >/dev/null
cmake --build build-test -j"$(nproc)"
cd build-test
ctest --output-on-failure -j"$(nproc)" "$@"
