#!/usr/bin/env bash
# Load benchmark of `backscroll serve`: wrk (Debian) with 8 and 64 concurrent
# connections on loopback, GET /api/search over the macro benchmark's 1,000
# queries, reporting throughput and latency percentiles; then the same while
# `backscroll ingest` adds a second export to the archive beside the server.
# Any failed request (socket error or non-2xx) is reported and fails the run.
#
#   bench/serve_bench.sh [BINARY] [SOURCE_WORK] [WORK]
#     BINARY       Release backscroll (default build-bench/app/backscroll)
#     SOURCE_WORK  macro_bench work dir with archive/ and queries.txt (default /tmp/bench-1m)
#     WORK         scratch dir (default /tmp/serve-bench): base/ a reindexed copy of the
#                  archive, made once; archive/ a fresh copy of it per run, ingested into
# Environment: DURATION (seconds per run, default 20), EXTRA (messages of the
# second export, default 100000), GENEXPORT (backscroll-genexport binary),
# SCOPE (public: anonymous requests, which see public channels only, the
# default; all: requests with a token of scope `all`, which search everything).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-build-bench/app/backscroll}")"
source_work="${2:-/tmp/bench-1m}"
work="${3:-/tmp/serve-bench}"
duration="${DURATION:-20}"
extra="${EXTRA:-100000}"
genexport="${GENEXPORT:-build-bench/tests/generator/backscroll-genexport}"
port=18765
url="http://127.0.0.1:$port"
export QUERIES="$source_work/queries.txt"

command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo;
  $sudo apt-get install -y -qq --no-install-recommends wrk; }
mkdir -p "$work"
if [ ! -d "$work/base" ]; then  # A copy, reindexed by this binary (the schema may be newer).
  cp -a "$source_work/archive" "$work/base.tmp"
  "$bin" --archive "$work/base.tmp" reindex >/dev/null
  mv "$work/base.tmp" "$work/base"
fi
rm -rf "$work/archive"
cp -a "$work/base" "$work/archive"
[ -d "$work/export2" ] || "$genexport" --messages "$extra" --seed 7 --start 2024-01-02 "$work/export2" >/dev/null

token="serve-bench-token-0123456789"
echo "$token all" >"$work/tokens"
auth=()
[ "${SCOPE:-public}" = all ] && auth=(-H "Authorization: Bearer $token")
"$bin" --archive "$work/archive" serve --listen "127.0.0.1:$port" --tokens "$work/tokens" \
  2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.1; done

failed=0
run() {  # run LABEL CONNECTIONS
  local line
  line=$(wrk -t2 -c"$2" -d"${duration}s" --timeout 10s "${auth[@]}" -s bench/serve_bench.lua "$url" |
    grep '^RESULT')
  echo "$1 c=$2 $line load=$(cut -d' ' -f1-3 /proc/loadavg)"
  case "$line" in *"socket_errors=0 non2xx=0"*) ;; *) failed=1 ;; esac
}

echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# archive: $(du -sh "$work/archive" | cut -f1), binary $bin"
echo "# scope: ${SCOPE:-public}, $duration s per run, 2 wrk threads"
wrk -t2 -c8 -d5s "${auth[@]}" -s bench/serve_bench.lua "$url" >/dev/null  # warm-up
run idle 8
run idle 64

"$bin" --archive "$work/archive" ingest --quiet "$work/export2" >"$work/ingest.log" 2>&1 &
ingest=$!
start=$(date +%s)
run ingest 8
run ingest 64
wait $ingest && echo "# ingest of $extra messages beside the server: ok, $(( $(date +%s) - start ))+ s" ||
  { echo "# ingest failed: $(cat "$work/ingest.log")"; failed=1; }
sleep 2
echo "# after ingest, stats from the server: $(curl -s "$url/api/stats" | head -c 200)"
exit $failed
