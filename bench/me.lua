-- wrk script of bench/platform.sh: every request is GET /t/{slug}/api/v1/me with the Bearer token of
-- a tenant drawn at random. Reads "<slug> <secret>" lines from the file named by the first script
-- argument (wrk ... -s bench/me.lua URL -- tokens.txt). Counts answers other than 200, and prints
-- one summary line starting with BENCH_JSON.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local path = args[1] or os.getenv("BENCH_TOKENS")
  requests_list = {}
  for line in io.lines(path) do
    local slug, secret = line:match("^(%S+)%s+(%S+)$")
    if slug then
      requests_list[#requests_list + 1] = {
        "/t/" .. slug .. "/api/v1/me",
        { ["Authorization"] = "Bearer " .. secret, ["Accept"] = "application/json" },
      }
    end
  end
  if #requests_list == 0 then
    error("no tokens in " .. tostring(path))
  end
  math.randomseed(os.time() + 7919 * (id or 0))
  non200 = 0
end

function request()
  local r = requests_list[math.random(#requests_list)]
  return wrk.format("GET", r[1], r[2])
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non200") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"non200":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f}}\n',
    summary.requests, seconds, summary.requests / seconds, bad,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
