#!/usr/bin/env bash
# Builds backscroll (Release) and runs the main job on the bundled sample
# export: ingest it into an archive, then search it. The archive goes to
# $BACKSCROLL_ARCHIVE if set, else build/demo-archive.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j"$(nproc)"
export BACKSCROLL_ARCHIVE="${BACKSCROLL_ARCHIVE:-$PWD/build/demo-archive}"
bs=build/app/backscroll
set -x
$bs ingest sample/acme-export.zip
$bs stats
$bs search --limit 3 disk
$bs search --limit 3 'in:#ops-alerts "out of disk"'
