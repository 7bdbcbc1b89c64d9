-- wrk script: requests for random users at a paced rate per connection.
-- Environment: VITRINA_PATH (a path with {user}, e.g. /v1/recommendations?user={user}&k=10),
-- VITRINA_USERS (user ids are 1..N), VITRINA_DELAY_MS (pause after each response per connection;
-- with C connections the rate is about C * 1000 / (delay + latency) requests per second).
local path = os.getenv("VITRINA_PATH") or "/v1/recommendations?user={user}&k=10"
local users = tonumber(os.getenv("VITRINA_USERS") or "1000")
local pause = tonumber(os.getenv("VITRINA_DELAY_MS") or "0")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(42 + (id or 0))
end

function request()
  local u = math.random(1, users)
  return wrk.format("GET", (path:gsub("{user}", tostring(u))))
end

function delay()
  return pause
end

function done(summary, latency, requests)
  io.write(string.format("non2xx=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
  io.write(string.format("p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f requests=%d rps=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests,
    summary.requests / (summary.duration / 1e6)))
end
