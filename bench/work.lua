-- work.lua — wrk script used by bench/work.bench.ts: one route per wrk run, chosen by env. Mirrors the Redmine
-- peer's bench.lua (../shared/peers/redmine/bench.lua): same terms, same word lists for created titles.
--   ROUTE        list | show | search | create | page | mine
--   AUTH_HEADER  "Authorization: Bearer …" or "Cookie: khoi_session=…"
--   CSRF         X-CSRF-Token for POSTs when signed in with the cookie (empty with a token)
--   ORIGIN       the server's own origin (sent on POSTs, as a browser does)
--   PROGRAMME_ID, GROUP_IDS, BODY_IDS, ACCOUNT_IDS, STATUSES (space-separated)
--   IDS_FILE     one task id per line (show)
-- Prints one line starting with RESULT followed by JSON when done.

local route = os.getenv("ROUTE") or "show"
local programme = os.getenv("PROGRAMME_ID") or ""
local csrf = os.getenv("CSRF") or ""
local origin = os.getenv("ORIGIN") or ""

local function words(name)
  local t = {}
  for v in string.gmatch(os.getenv(name) or "", "%S+") do t[#t + 1] = v end
  return t
end
local groups, bodies, accounts, statuses = words("GROUP_IDS"), words("BODY_IDS"), words("ACCOUNT_IDS"), words("STATUSES")

local ids = {}
local ids_file = os.getenv("IDS_FILE")
if ids_file and ids_file ~= "" then
  for line in io.lines(ids_file) do ids[#ids + 1] = line end
end

local function pick(t) return t[math.random(#t)] end
local function urlencode(s)
  return (string.gsub(s, "([^%w%-_%.~])", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The peer's 18 search terms (each in about 5–7 % of the seeded titles).
local terms = { "thoát nước", "đèn chiếu sáng", "vỉa hè", "trạm biến áp", "camera an ninh",
  "Ka Long", "Trà Cổ", "Hùng Vương", "kè chắn sóng", "chợ đêm", "nghiệm thu", "bảo trì",
  "hồ điều hòa", "bến xe", "mầm non", "Bắc Luân", "cây xanh", "Hải Yên" }
local verbs = { "Kiểm tra", "Sửa chữa", "Lắp đặt", "Nâng cấp", "Khảo sát", "Bảo trì", "Thay mới" }
local objects = { "đèn đường", "cống thoát nước", "biển báo", "vỉa hè", "camera", "trạm bơm" }
local places = { "phường Ka Long", "phường Trà Cổ", "xã Hải Xuân", "đường Hùng Vương", "phường Hải Yên" }

local headers = { ["Accept"] = "application/json" }
local auth = os.getenv("AUTH_HEADER") or ""
local colon = string.find(auth, ":", 1, true)
if colon then headers[string.sub(auth, 1, colon - 1)] = string.gsub(string.sub(auth, colon + 1), "^%s+", "") end
local post_headers = { ["Content-Type"] = "application/json" }
for k, v in pairs(headers) do post_headers[k] = v end
if csrf ~= "" then post_headers["X-CSRF-Token"] = csrf end
if origin ~= "" then post_headers["Origin"] = origin end

local counter = 0

local thread_no = 0
function setup(thread)
  thread_no = thread_no + 1
  thread:set("thread_no", thread_no)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_no or 0))
end

function request()
  if route == "list" then
    return wrk.format("GET", string.format(
      "/api/tasks?programmeId=%s&status=%s&assigneeAccountId=%s&groupId=%s&pageSize=25",
      programme, pick(statuses), pick(accounts), pick(groups)), headers)
  elseif route == "page" then
    return wrk.format("GET", string.format(
      "/api/tasks?programmeId=%s&status=%s&groupId=%s&pageSize=25", programme, pick(statuses), pick(groups)), headers)
  elseif route == "mine" then
    return wrk.format("GET", "/api/my-work?pageSize=25", headers)
  elseif route == "show" then
    return wrk.format("GET", "/api/tasks/" .. pick(ids), headers)
  elseif route == "search" then
    return wrk.format("GET", "/api/tasks?programmeId=" .. programme .. "&q=" .. urlencode(pick(terms)) .. "&pageSize=25", headers)
  elseif route == "create" then
    counter = counter + 1
    local month = math.random(1, 12)
    local body = string.format(
      '{"programmeId":"%s","kind":"shared","title":"%s %s %s (bench %d)",' ..
      '"description":"Tạo bởi bench:work – kiểm tra hiệu năng.","leadBodyId":"%s","groupId":"%s",' ..
      '"assigneeAccountId":"%s","startDate":"2026-%02d-01","dueDate":"2026-%02d-%02d"}',
      programme, pick(verbs), pick(objects), pick(places), counter,
      pick(bodies), pick(groups), pick(accounts), month, month, math.random(2, 28))
    return wrk.format("POST", "/api/tasks", post_headers, body)
  end
  error("unknown ROUTE " .. route)
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'RESULT {"route":"%s","requests":%d,"seconds":%.3f,"rps":%.2f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"mean":%.2f,"max":%.2f,"socketErrors":%d,"non2xx":%d}\n',
    route, summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
