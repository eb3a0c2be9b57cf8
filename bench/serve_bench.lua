-- wrk script for bench/serve_bench.sh: GET /api/search over the macro
-- benchmark's query set (QUERIES: lines "class<TAB>query"), each wrk thread
-- starting at a different place in the list; prints one RESULT line.
local paths = {}
local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("QUERIES")) do
  local q = line:match("\t(.*)$") or line
  paths[#paths + 1] = "/api/search?limit=20&q=" .. urlencode(q)
end

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  threads[#threads + 1] = thread
end

local i = 0
function init(args)
  i = (id * 397) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d socket_errors=%d non2xx=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
