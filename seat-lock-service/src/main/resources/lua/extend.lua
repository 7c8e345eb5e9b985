-- Pushes a hold's expiry out by one hold time, never past the end of the owner's hold window in
-- this schedule (or, with no window left, max-total after the hold began).
-- KEYS: 1 hold record, 2 the owner's seats, 3 the owner's hold window
-- ARGV: 1 owner, 2 token, 3 hold ttl ms, 4 max total hold ms, 5 seat key prefix
-- Returns {1, expires_at_ms} | {-1} cap reached | {-2} expired or unknown | {-3} not the owner
local owner, token = ARGV[1], ARGV[2]
local hold = redis.call('HMGET', KEYS[1], 'owner', 'kind', 'created', 'seats', 'released')
if not hold[1] then return {-2} end
if hold[1] ~= owner then return {-3} end
if hold[2] ~= 'hold' or hold[5] then return {-2} end

local now = now_ms()
local window_start = tonumber(redis.call('GET', KEYS[3])) or tonumber(hold[3])
local expires = math.min(now + tonumber(ARGV[3]), window_start + tonumber(ARGV[4]))
if expires <= now + redis.call('PTTL', KEYS[1]) then return {-1} end

local mine = owner .. ':' .. token
for _, member in ipairs(members_of(hold[4])) do
  local key = ARGV[5] .. member
  if redis.call('GET', key) == mine then
    redis.call('PEXPIRE', key, expires - now)
    redis.call('ZADD', KEYS[2], expires, member)
  end
end
keep_user_seats(KEYS[2])
redis.call('PEXPIRE', KEYS[1], expires - now)
return {1, expires}
