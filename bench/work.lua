-- wrk script of bench/work.sh: the work-item figures on one seeded tenant.
--   wrk ... -s bench/work.lua URL -- MODE FILE SLUG
-- MODE and the lines of FILE (each "<bearer secret> <rest>"; the request's token comes with its line):
--   get     "<secret> <key>"              GET   /t/SLUG/api/v1/items/<key>
--   create  "<secret> <team key>"         POST  /t/SLUG/api/v1/items   (an Incident, JSON body)
--   patch   "<secret> <key>"              PATCH /t/SLUG/api/v1/items/<key> (priority and title; no If-Match)
--   list    "<secret> <path and query>"   GET   <path and query, URL-encoded already>
-- Counts answers other than the expected one (201 for create, 200 otherwise), keeps the first few
-- such answers, and prints one summary line starting with BENCH_JSON.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local PRIORITIES = { "highest", "high", "medium", "low", "lowest" }
local WORDS = { "VPN", "printer", "laptop", "email", "database", "firewall", "DNS", "backup", "SSO", "proxy" }
local PROBLEMS = { "timeout", "outage", "slow response", "login failure", "disk full", "packet loss" }

function init(args)
  mode = args[1]
  local path = args[2]
  slug = args[3]
  lines = {}
  for line in io.lines(path) do
    local secret, rest = line:match("^(%S+)%s+(.+)$")
    if secret then
      lines[#lines + 1] = { secret, rest }
    end
  end
  if #lines == 0 then
    error("no lines in " .. tostring(path))
  end
  expected = (mode == "create") and 201 or 200
  math.randomseed(os.time() + 7919 * (id or 0))
  bad = 0
  statuses = ""
  samples = 0
  counter = 0
end

local function pick(t)
  return t[math.random(#t)]
end

function request()
  local l = lines[math.random(#lines)]
  local headers = { ["Authorization"] = "Bearer " .. l[1], ["Accept"] = "application/json" }
  counter = counter + 1
  if mode == "get" then
    return wrk.format("GET", "/t/" .. slug .. "/api/v1/items/" .. l[2], headers)
  elseif mode == "list" then
    return wrk.format("GET", l[2], headers)
  elseif mode == "create" then
    headers["Content-Type"] = "application/json"
    local body = string.format(
      '{"team":"%s","type":"Incident","title":"%s %s for bench user %d-%d","description":"Created by bench/work.sh: %s reported by several users.","priority":"%s","labels":["bench"]}',
      l[2], pick(WORDS), pick(PROBLEMS), id or 0, counter, pick(PROBLEMS), pick(PRIORITIES))
    return wrk.format("POST", "/t/" .. slug .. "/api/v1/items", headers, body)
  elseif mode == "patch" then
    headers["Content-Type"] = "application/merge-patch+json"
    local body = string.format('{"priority":"%s","title":"%s %s (bench edit %d-%d)"}',
      pick(PRIORITIES), pick(WORDS), pick(PROBLEMS), id or 0, counter)
    return wrk.format("PATCH", "/t/" .. slug .. "/api/v1/items/" .. l[2], headers, body)
  end
  error("unknown mode " .. tostring(mode))
end

function response(status, headers, body)
  if status ~= expected then
    bad = bad + 1
    if samples < 3 then
      samples = samples + 1
      statuses = statuses .. status .. ": " .. tostring(body):sub(1, 300):gsub("[\r\n\"\\]", " ") .. " | "
    end
  end
end

function done(summary, latency, requests)
  local nbad = 0
  for _, t in ipairs(threads) do
    nbad = nbad + (t:get("bad") or 0)
    local s = t:get("statuses")
    if s and s ~= "" then
      io.write("UNEXPECTED " .. s .. "\n")
    end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"non2xx":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f}}\n',
    summary.requests, seconds, summary.requests / seconds, nbad,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
