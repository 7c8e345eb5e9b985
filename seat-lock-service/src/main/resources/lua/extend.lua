-- Pushes a hold's expiry out by one hold time, never past the end of the owner's hold window in
-- this schedule (or, with no window left, max-total after the hold began).
-- KEYS: 1 hold record, 2 the owner's seats, 3 the owner's hold window, 4 the schedule's hold ends,
--       5.. the keys of the record's seats, as read just before
-- ARGV: 1 owner, 2 token, 3 hold ttl ms, 4 max total hold ms, 5 the record's seats as read ('' if none)
-- Returns {1, expires_at_ms} | {-1} cap reached | {-2} expired or unknown | {-3} not the owner
--         | {-9} the record's seats changed since they were read (read again)
local owner, token = ARGV[1], ARGV[2]
local hold = redis.call('HMGET', KEYS[1], 'owner', 'kind', 'created', 'seats', 'released')
if not hold[1] then return {-2} end
if hold[1] ~= owner then return {-3} end
if hold[2] ~= 'hold' or hold[5] then return {-2} end
if hold[4] ~= ARGV[5] then return {-9} end

local now = now_ms()
local window_start = tonumber(redis.call('GET', KEYS[3])) or tonumber(hold[3])
local expires = math.min(now + tonumber(ARGV[3]), window_start + tonumber(ARGV[4]))
if expires <= now + redis.call('PTTL', KEYS[1]) then return {-1} end

local mine, extended = owner .. ':' .. token, {}
for i, member in ipairs(members_of(hold[4])) do
  local key = KEYS[4 + i]
  if redis.call('GET', key) == mine then
    redis.call('PEXPIRE', key, expires - now)
    redis.call('ZADD', KEYS[2], expires, member)
    extended[#extended + 1] = member
  end
end
keep_user_seats(KEYS[2])
expect_ends(KEYS[4], expires, extended)
redis.call('PEXPIRE', KEYS[1], expires - now)
return {1, expires}
