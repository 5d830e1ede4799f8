-- wrk script: POSTs bookings for the créneaux listed in the file named by CRENEAUX_FILE (the
-- public API's JSON), one créneau after the other; once all are used, requests get 409.
local path = os.getenv("CRENEAUX_FILE")
local motif = os.getenv("MOTIF_ID")
local bodies = {}
local f = assert(io.open(path, "r"))
local json = f:read("*a")
f:close()
-- Names hold letters only ("N12" is refused): 1 -> "b", 27 -> "bb"...
local function letters(k)
  local out = ""
  repeat
    out = out .. string.char(97 + k % 26)
    k = math.floor(k / 26)
  until k == 0
  return out
end
-- CRENEAUX_PART="k/m": only every m-th créneau from the k-th (1-based), so that m wrk processes
-- booking one list do not all fight over the same créneaux.
local part, parts = (os.getenv("CRENEAUX_PART") or "1/1"):match("(%d+)/(%d+)")
part, parts = tonumber(part), tonumber(parts)
local n = 0
local seen = 0
for lieu, starts in json:gmatch('"lieu_id":(%d+),"lieu_name":"[^"]*","starts_at":"([^"]+)"') do
  seen = seen + 1
  if (seen - part) % parts ~= 0 then goto continue end
  n = n + 1
  bodies[n] = string.format(
    '{"motif_id":%s,"starts_at":"%s","lieu_id":%s,"booked_by":"prescripteur",' ..
    '"prescripteur":{"first_name":"Paul","last_name":"Bench","email":"paul@bench.example.fr"},' ..
    '"usager":{"first_name":"Usager","last_name":"N%s","phone":"0612345678"}}',
    motif, starts, lieu, letters(n))
  ::continue::
end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % n + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
