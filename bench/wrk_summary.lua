-- wrk's summary as one JSON line (bench/harness.py measure()).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "seconds": %f, "errors": %d, "p50_ms": %f, "p95_ms": %f}\n',
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
