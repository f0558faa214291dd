-- reporting.lua — wrk script used by bench/reporting.bench.ts: GETs the paths of URLS_FILE (one per line) in random
-- order, with the session cookie of COOKIE (empty: none, for the bare route). Prints one line starting with RESULT
-- followed by JSON when done, as bench/work.lua does.

local cookie = os.getenv("COOKIE") or ""
local paths = {}
for line in io.lines(os.getenv("URLS_FILE")) do paths[#paths + 1] = line end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

function request()
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'RESULT {"route":"%s","requests":%d,"seconds":%.3f,"rps":%.2f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"mean":%.2f,"max":%.2f,"socketErrors":%d,"non2xx":%d}\n',
    "reporting", summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
