#!/usr/bin/env bash
# Browser test of `backscroll serve`'s web page (web_test.mjs): installs what
# it needs (Debian's chromium and Node.js with apt-get, using sudo when not
# root; playwright-core from package-lock.json with npm), then runs it.
#   tests/web/run.sh [path/to/backscroll]     (default: build/app/backscroll)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$(realpath "${1:-$here/../../build/app/backscroll}")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cd "$here"
if [ ! -f node_modules/playwright-core/package.json ]; then
  npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error
fi
exec node web_test.mjs "$binary"
