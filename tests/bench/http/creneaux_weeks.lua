-- wrk script: GETs the créneaux of one of the organisation's motifs (MOTIF_IDS, comma-separated)
-- for one of the next WEEKS weeks from MONDAY, at random, so that answers are computed, not all
-- served from the cache.
local slug = os.getenv("SLUG")
local motifs = {}
for id in string.gmatch(os.getenv("MOTIF_IDS"), "%d+") do
  motifs[#motifs + 1] = id
end
local weeks = tonumber(os.getenv("WEEKS") or "6")
local y, m, d = os.getenv("MONDAY"):match("(%d+)-(%d+)-(%d+)")
local monday = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
local function day(t)
  return os.date("!%Y-%m-%d", t)
end
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
request = function()
  local motif = motifs[math.random(#motifs)]
  local from = monday + (math.random(weeks) - 1) * 7 * 86400
  return wrk.format("GET", string.format("/api/v1/public/%s/motifs/%s/creneaux?from=%s&to=%s",
    slug, motif, day(from), day(from + 6 * 86400)))
end
