-- wrk script: AWS Signature Version 4 on every request, computed with libcrypto through LuaJIT's FFI.
-- wrk -s bench/load/sigv4.lua URL -- TARGET HOST KEY SECRET REGION [ARGS...]
--   TARGET none                                    wrk's request unsigned (headers from -H), non-200s counted
--   TARGET compute   ARGS = FLEET COMPUTE-NAME...  GameLift GetComputeAuthToken (awsJson1_1), computes round robin
--   TARGET authtoken ARGS = DOMAIN DURATION        CodeArtifact GetAuthorizationToken (restJson)
--   TARGET sts                                     STS GetCallerIdentity (query protocol)
-- A signature is recomputed whenever the X-Amz-Date second changes; the server verifies every request in full.
-- Any non-200 answer is counted and printed by done(); run.sh fails the run on it.
local ffi = require("ffi")
ffi.cdef [[
unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);
const void *EVP_sha256(void);
unsigned char *HMAC(const void *evp_md, const void *key, int key_len, const unsigned char *d, size_t n,
                    unsigned char *md, unsigned int *md_len);
]]
local crypto = ffi.load("crypto")
local md = ffi.new("unsigned char[32]")
local mdlen = ffi.new("unsigned int[1]")

local hexdigits = {}
for i = 0, 255 do hexdigits[i] = string.format("%02x", i) end
local function hex(buf, n)
  local out = {}
  for i = 0, n - 1 do out[#out + 1] = hexdigits[buf[i]] end
  return table.concat(out)
end
local function sha256hex(s)
  crypto.SHA256(s, #s, md)
  return hex(md, 32)
end
local function hmac(key, s)
  crypto.HMAC(crypto.EVP_sha256(), key, #key, s, #s, md, mdlen)
  return ffi.string(md, 32)
end

local target, host, key, secret, region, service
local variants = {}   -- each: method, path, query, headers (lower-case name -> value), body
local signingKeys = {}

function init(args)
  target, host, key, secret, region = args[1], args[2], args[3], args[4], args[5]
  if target == "compute" then
    service = "gamelift"
    for i = 7, #args do
      variants[#variants + 1] = { path = "/", query = "", body = '{"FleetId":"' .. args[6] .. '","ComputeName":"' .. args[i] .. '"}',
        headers = { ["content-type"] = "application/x-amz-json-1.1", ["x-amz-target"] = "GameLift.GetComputeAuthToken" } }
    end
  elseif target == "authtoken" then
    service = "codeartifact"
    variants[1] = { path = "/v1/authorization-token", query = "domain=" .. args[6] .. "&duration=" .. args[7], body = "",
      headers = {} }
  elseif target == "sts" then
    service = "sts"
    variants[1] = { path = "/", query = "", body = "Action=GetCallerIdentity&Version=2011-06-15",
      headers = { ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8" } }
  elseif target == "none" then   -- no signature: wrk's own request (e.g. a Bearer token in -H), for the counting below
    local fixed = wrk.format()
    function request() return fixed end
    return
  else
    error("unknown target " .. tostring(target))
  end
  for _, v in ipairs(variants) do
    v.headers["host"] = host
    v.bodyHash = sha256hex(v.body)
    v.signedFor = nil
  end
end

local function signingKey(day)
  local k = signingKeys[day]
  if not k then
    k = hmac(hmac(hmac(hmac("AWS4" .. secret, day), region), service), "aws4_request")
    signingKeys = { [day] = k }
  end
  return k
end

local function sign(v, amzDate)
  local day = amzDate:sub(1, 8)
  local h = {}
  for name, value in pairs(v.headers) do h[name] = value end
  h["x-amz-date"] = amzDate
  local names = {}
  for name in pairs(h) do names[#names + 1] = name end
  table.sort(names)
  local canonicalHeaders = {}
  for _, name in ipairs(names) do canonicalHeaders[#canonicalHeaders + 1] = name .. ":" .. h[name] .. "\n" end
  local signedHeaders = table.concat(names, ";")
  local canonical = table.concat({ "POST", v.path, v.query, table.concat(canonicalHeaders), signedHeaders, v.bodyHash }, "\n")
  local scope = day .. "/" .. region .. "/" .. service .. "/aws4_request"
  local toSign = "AWS4-HMAC-SHA256\n" .. amzDate .. "\n" .. scope .. "\n" .. sha256hex(canonical)
  local signature = hex(ffi.cast("const unsigned char *", hmac(signingKey(day), toSign)), 32)
  h["authorization"] = "AWS4-HMAC-SHA256 Credential=" .. key .. "/" .. scope .. ", SignedHeaders=" .. signedHeaders ..
      ", Signature=" .. signature
  local url = v.path
  if v.query ~= "" then url = url .. "?" .. v.query end
  h["Host"], h["host"] = h["host"], nil   -- wrk.format adds its own "Host" unless this one is spelled so
  v.request = wrk.format("POST", url, h, v.body)
  v.signedFor = amzDate
end

local next = 0
function request()
  next = next % #variants + 1
  local v = variants[next]
  local amzDate = os.date("!%Y%m%dT%H%M%SZ")
  if v.signedFor ~= amzDate then sign(v, amzDate) end
  return v.request
end

-- GATEPASS_TIMELINE=1: answers counted per 100 ms from the first one, printed by done() as "timeline N N N ...", to
-- see when in a run the server answers slowly (a JIT still compiling, a transient when connections change)
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } gp_timespec;
int clock_gettime(int clock, gp_timespec *ts);
]]
local timing = os.getenv("GATEPASS_TIMELINE") == "1"
local now = ffi.new("gp_timespec")
local start, bucket, inBucket = nil, 0, 0
timeline = ""
local function count()
  ffi.C.clock_gettime(1, now)   -- CLOCK_MONOTONIC
  local ms = tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
  start = start or ms
  local b = math.floor((ms - start) / 100)
  if b ~= bucket then   -- buckets are closed in order; one without answers is written as 0
    timeline = timeline .. " " .. inBucket .. string.rep(" 0", b - bucket - 1)
    bucket, inBucket = b, 0
  end
  inBucket = inBucket + 1
end

failures = 0
firstFailure = nil
function response(status, headers, body)
  if timing then count() end
  if status ~= 200 then
    failures = failures + 1
    if not firstFailure then firstFailure = status .. " " .. tostring(body):sub(1, 300) end
  end
end

function done(summary, latency, requests)
  -- response() runs in the thread's own Lua state; wrk -t1 means one thread, read back through thread:get
  local f, first = 0, nil
  for _, t in ipairs(threads or {}) do
    f = f + (t:get("failures") or 0)
    first = first or t:get("firstFailure")
  end
  io.write(string.format("non200 %d\n", f))
  for _, t in ipairs(threads or {}) do   -- the last bucket is cut short by the run's end and is left out
    local tl = t:get("timeline")
    if tl and tl ~= "" then io.write("timeline" .. tl .. "\n") end
  end
  if first then io.write("first failure: " .. first .. "\n") end
  io.write(string.format("latency_us p50 %d p99 %d p999 %d\n", latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9)))
end

threads = {}
function setup(thread) threads[#threads + 1] = thread end
