-- Pushes a hold's expiry out by one hold time, never past its cap on total hold time.
-- KEYS: 1 hold record
-- ARGV: 1 owner, 2 token, 3 hold ttl ms, 4 max total hold ms, 5 seat key prefix
-- Returns {1, expires_at_ms} | {-1} cap reached | {-2} expired or unknown | {-3} not the owner
local owner, token = ARGV[1], ARGV[2]
local hold = redis.call('HMGET', KEYS[1], 'owner', 'kind', 'created', 'seats', 'released')
if not hold[1] then return {-2} end
if hold[1] ~= owner then return {-3} end
if hold[2] ~= 'hold' or hold[5] then return {-2} end

local now = now_ms()
local expires = math.min(now + tonumber(ARGV[3]), tonumber(hold[3]) + tonumber(ARGV[4]))
if expires <= now + redis.call('PTTL', KEYS[1]) then return {-1} end

local mine = owner .. ':' .. token
for _, member in ipairs(members_of(hold[4])) do
  local key = ARGV[5] .. member
  if redis.call('GET', key) == mine then
    redis.call('PEXPIRE', key, expires - now)
  end
end
redis.call('PEXPIRE', KEYS[1], expires - now)
return {1, expires}
