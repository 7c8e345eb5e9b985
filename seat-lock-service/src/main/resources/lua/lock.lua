-- Holds every seat for one owner, or none, within the owner's limits in this schedule: at most
-- seat-limit seats held, claimed and bought together, and holding only inside one window of
-- max-total ms from the owner's first hold (releasing and locking again does not restart it; a
-- new window opens window-length ms after the last one began).
-- Only inside the schedule's sales window, and only seats of its seat map (sale_refusal).
-- A lock that reaches Redis after seat-lock stopped waiting for it (and told the user 503) finds its
-- token abandoned (abandon.lua) and takes nothing.
-- KEYS: 1 new hold record, 2 fence counter, 3 schedule index, 4 the owner's seats, 5 the owner's
--       hold window, 6 the token's abandoned mark, 7 the schedule's sale record, 8 its seat map,
--       9 its seat events, 10 its hold ends, 11.. seat keys
-- ARGV: 1 owner, 2 token, 3 hold ttl ms, 4 max total hold ms, 5 seat limit, 6 window length ms,
--       7.. seat members (KEYS[i]'s is ARGV[i - 4])
-- Returns {1, fence, expires_at_ms} | {0, {seat position, reason, ...}}
--         | {-1, ms until a new window} (hold time used up) | {-5, seat limit} | {-2} abandoned
--         | a sale_refusal
local owner, token = ARGV[1], ARGV[2]
local ttl, max_total = tonumber(ARGV[3]), tonumber(ARGV[4])
local now = now_ms()

if redis.call('EXISTS', KEYS[6]) == 1 then return {-2} end

local members = {}
for i = 11, #KEYS do members[#members + 1] = ARGV[i - 4] end
local refusal = sale_refusal(KEYS[7], KEYS[8], members, now)
if refusal then return refusal end

-- A seat the caller already holds is not a conflict: it moves to the new hold.
local conflicts = conflicts_from(11, owner)
if #conflicts > 0 then return {0, conflicts} end

local window_start = tonumber(redis.call('GET', KEYS[5]))
local expires = math.min(now + ttl, (window_start or now) + max_total)
if expires <= now then return {-1, redis.call('PTTL', KEYS[5])} end

if user_seat_count(KEYS[4], now, members) > tonumber(ARGV[5]) then return {-5, tonumber(ARGV[5])} end

if not window_start then redis.call('SET', KEYS[5], now, 'PX', ARGV[6]) end
local fence = next_fence(KEYS[2], now)
for i = 11, #KEYS do
  local member = ARGV[i - 4]
  redis.call('SET', KEYS[i], owner .. ':' .. token, 'PX', expires - now)
  redis.call('SADD', KEYS[3], member)
  redis.call('ZADD', KEYS[4], expires, member)
end
keep_user_seats(KEYS[4])
expect_ends(KEYS[10], expires, members)
announce(KEYS[9], 'HELD', members)
redis.call('HSET', KEYS[1], 'owner', owner, 'kind', 'hold', 'fence', fence, 'created', now,
  'seats', table.concat(members, '\n'))
redis.call('PEXPIRE', KEYS[1], expires - now)
return {1, fence, expires}
