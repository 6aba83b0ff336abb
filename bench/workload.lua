-- wrk script shared by every workload of bench/run.sh. Settings come from the environment, so one script
-- serves GET, POST and PUT:
--   BENCH_METHOD     GET (default), POST or PUT
--   BENCH_BODY_FILE  request body (FHIR JSON); "@@PERIOD_END@@" in it is replaced per request by a fresh
--                    timestamp, because HAPI answers a PUT of unchanged content without writing a new version
-- done() prints one machine-readable line for run.sh:
--   BENCH_RESULT requests,duration_us,p50_ms,p95_ms,p99_ms,non2xx,socket_errors

local method = os.getenv("BENCH_METHOD") or "GET"
local body_file = os.getenv("BENCH_BODY_FILE") or ""
local placeholder = "@@PERIOD_END@@"

local body = nil
if body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  body = f:read("*a")
  f:close()
end
local templated = body ~= nil and body:find(placeholder, 1, true) ~= nil

local headers = { ["Accept"] = "application/fhir+json" }
if body ~= nil then
  headers["Content-Type"] = "application/fhir+json"
end

-- Each wrk thread runs its own copy of this script; a distinct id keeps their timestamps apart.
local next_thread_id = 0
function setup(thread)
  thread:set("thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

local counter = 0
-- 2025-01-05T00:00:00Z: after the start of the encounter that run.sh creates.
local period_end_base = 1736035200

function request()
  if not templated then
    return wrk.format(method, nil, headers, body)
  end
  counter = counter + 1
  -- One hour per thread id keeps threads from writing the same end time; seconds count the requests.
  local stamp = os.date("!%Y-%m-%dT%H:%M:%SZ", period_end_base + (thread_id or 0) * 3600 + counter)
  local first, last = body:find(placeholder, 1, true)
  return wrk.format(method, nil, headers, body:sub(1, first - 1) .. stamp .. body:sub(last + 1))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH_RESULT %d,%d,%.2f,%.2f,%.2f,%d,%d\n",
    summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
