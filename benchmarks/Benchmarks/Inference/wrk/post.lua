-- Sends the same POST body on every request. The body and its Content-Type come from the files named by
-- the environment variables WRK_BODY and WRK_CONTENT_TYPE, which http-benchmark.sh writes.
-- With WRK_REQUESTS set, each thread stops after its share of that many responses, so that a run serves a
-- fixed count of requests instead of lasting a fixed time.
local body_file = assert(io.open(os.getenv("WRK_BODY"), "rb"))
wrk.method = "POST"
wrk.body = body_file:read("*a")
body_file:close()
wrk.headers["Content-Type"] = os.getenv("WRK_CONTENT_TYPE")

local total = tonumber(os.getenv("WRK_REQUESTS") or "0")
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local responses = 0
local failures = 0

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then
    failures = failures + 1
  end
  if total > 0 and responses >= total / threads then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx or socket errors %d, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
