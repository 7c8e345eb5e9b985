-- Reports each seat as the holder of one token sees it. Reads only.
-- KEYS: 1 hold record, 2.. seat keys
-- ARGV: 1 owner, 2 token
-- Returns {expires_at_ms or -1, {status, ...}}
local mine = ARGV[1] .. ':' .. ARGV[2]
local statuses = {}
for i = 2, #KEYS do
  local value = redis.call('GET', KEYS[i])
  if not value then
    statuses[#statuses + 1] = 'FREE'
  elseif value == mine then
    statuses[#statuses + 1] = 'HELD_BY_YOU'
  else
    local _, held = split(value)
    statuses[#statuses + 1] = is_booked(held) and 'BOOKED' or 'HELD_BY_OTHER'
  end
end
local expires = -1
local hold = redis.call('HMGET', KEYS[1], 'owner', 'kind', 'released')
local pttl = redis.call('PTTL', KEYS[1])
if hold[1] == ARGV[1] and hold[2] == 'hold' and not hold[3] and pttl > 0 then
  expires = now_ms() + pttl
end
return {expires, statuses}
