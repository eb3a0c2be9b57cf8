#!/usr/bin/env bash
# Installs the Debian 12 packages backscroll needs to build, test and benchmark.
# Idempotent: packages already present are left alone. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libxapian-dev librocksdb-dev libsimdjson-dev libarchive-dev
  libboost-program-options-dev libspdlog-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev node-emoji
  xapian-tools rocksdb-tools zip
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
