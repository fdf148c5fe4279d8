-- wrk script with only a done() hook: it prints wrk's own summary as one JSON line so that
-- run.sh does not have to scrape wrk's human-readable text. There is deliberately no
-- request()/response() hook: those run Lua for every request and would slow wrk down, which
-- matters most for the static-file baseline.
--
-- Notes on wrk 4.x semantics (documented here because they shape the results table):
--   * summary.requests counts completed responses of ANY status (3xx included).
--   * errors.status counts responses with status > 399 ("Non-2xx or 3xx responses").
--   * errors.timeout counts responses that arrived within the run but later than --timeout.
--     A request that is still unanswered when the run ends is counted nowhere (wrk 4.1 has no
--     timer for in-flight requests): a fully stalled run shows 0 requests and 0 errors.
--   * latency percentiles cover only responses that arrived within --timeout.
done = function(summary, latency, requests)
  local e = summary.errors
  local has = summary.requests > 0
  local function pct(p)
    if has then return latency:percentile(p) else return -1 end
  end
  io.write(string.format(
    'BENCH_JSON {"duration_us":%d,"requests":%d,"bytes":%d,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d,' ..
    '"lat_p50_us":%d,"lat_p90_us":%d,"lat_p99_us":%d,"lat_max_us":%d,"lat_mean_us":%.1f}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    pct(50), pct(90), pct(99), has and latency.max or -1, has and latency.mean or -1))
end
