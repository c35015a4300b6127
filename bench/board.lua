-- wrk script of bench/board.sh: the board figures of issue 4.
--   wrk ... -s bench/board.lua URL -- MODE FILE
-- MODE and the lines of FILE:
--   cards  "<bearer secret> <path>"   GET <path> (the board's cards as JSON), the line's token
--   page   "<cookie> <path>"          GET <path> (the board page, HTML) with the session cookie
--   move   "<bearer secret> <backlog column id> <in progress column id> <key>:<0|1> ..."
--          POST /t/SLUG/api/v1/boards/BOARD/moves: thread i is mover i (run with -t N -c N, so one
--          connection per thread and mover) and moves only the cards of line i, one after another,
--          each to the other column (0 = Backlog / To do, 1 = In progress): no two movers share a card.
--          The path is the third argument: /t/SLUG/api/v1/boards/BOARD/moves
-- Counts answers other than 200, keeps the first few such answers, and prints one summary line
-- starting with BENCH_JSON.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  mode = args[1]
  local path = args[2]
  move_path = args[3]
  lines = {}
  for line in io.lines(path) do
    if line:match("%S") then
      lines[#lines + 1] = line
    end
  end
  if #lines == 0 then
    error("no lines in " .. tostring(path))
  end
  math.randomseed(os.time() + 7919 * (id or 0))
  bad = 0
  statuses = ""
  samples = 0
  counter = 0
  if mode == "move" then
    local line = lines[(id or 0) % #lines + 1]
    local fields = {}
    for f in line:gmatch("%S+") do
      fields[#fields + 1] = f
    end
    secret, backlog, doing = fields[1], fields[2], fields[3]
    cards, where = {}, {}
    for i = 4, #fields do
      local key, col = fields[i]:match("^(.+):(%d)$")
      cards[#cards + 1] = key
      where[key] = tonumber(col)
    end
    if #cards == 0 then
      error("mover " .. tostring(id) .. " has no cards")
    end
    current = nil
  else
    parsed = {}
    for i, line in ipairs(lines) do
      local a, b = line:match("^(%S+)%s+(%S+)$")
      parsed[i] = { a, b }
    end
  end
end

function request()
  counter = counter + 1
  if mode == "cards" then
    local l = parsed[math.random(#parsed)]
    return wrk.format("GET", l[2], { ["Authorization"] = "Bearer " .. l[1], ["Accept"] = "application/json" })
  elseif mode == "page" then
    local l = parsed[math.random(#parsed)]
    return wrk.format("GET", l[2], { ["Cookie"] = l[1], ["Accept"] = "text/html" })
  elseif mode == "move" then
    current = cards[(counter - 1) % #cards + 1]
    local to = (where[current] == 0) and doing or backlog
    local body = string.format('{"item":"%s","column":"%s"}', current, to)
    return wrk.format("POST", move_path, { ["Authorization"] = "Bearer " .. secret,
      ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
  end
  error("unknown mode " .. tostring(mode))
end

function response(status, headers, body)
  if mode == "move" and current then
    if status == 200 then
      where[current] = 1 - where[current]
    end
  end
  if status ~= 200 then
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
