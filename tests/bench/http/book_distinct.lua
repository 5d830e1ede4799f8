-- wrk script: POSTs bookings of distinct créneaux, one body per line of the file named by
-- BODIES_FILE; each wrk thread takes every THREADS-th line from its own offset, so no two
-- requests ask for the same créneau. Once the list is used up, requests repeat it (409).
local bodies = {}
for line in io.lines(os.getenv("BODIES_FILE")) do
  bodies[#bodies + 1] = line
end
local counter = 0
local threads = {}
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  step = tonumber(os.getenv("THREADS") or "2")
  i = offset
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local body = bodies[i % #bodies + 1]
  i = i + step
  return wrk.format(nil, nil, nil, body)
end
