-- Sends the same POST body on every request. The body comes from the file named by WRK_BODY and the
-- Content-Type from WRK_CONTENT_TYPE, both set by http-benchmark.sh. The summary line counts responses with an
-- HTTP error status together with socket errors.
local body_file = assert(io.open(os.getenv("WRK_BODY"), "rb"))
wrk.method = "POST"
wrk.body = body_file:read("*a")
body_file:close()
wrk.headers["Content-Type"] = os.getenv("WRK_CONTENT_TYPE")

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx or socket errors %d, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
