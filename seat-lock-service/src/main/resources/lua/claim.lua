-- Booking's first step: turns the caller's hold, or free seats, into a short-lived claim that
-- nobody else can lock, all seats or none. The claim gets a fresh fencing token, larger than any
-- hold's before it. The caller picks the claim token, so a repeated claim (a retry after a lost
-- answer) returns the claim already made instead of conflicting with it. Each booking attempt
-- names itself: twins that share a claim each join it, and an attempt that was already given up
-- (its abort ran first, the claim arriving late) takes nothing. Claimed seats count towards the
-- owner's seat limit in the schedule, as held ones do. Seats are claimed only inside the sales
-- window and only from the seat map (sale_refusal), with or without a hold: the origin hold names
-- its owner, not the seats, and any hold of one's own must not open a withdrawn seat.
-- KEYS: 1 claim record, 2 fence counter, 3 schedule index, 4 origin hold record, 5 the claim's
--       attempts, 6 the claim's aborted attempts, 7 the owner's seats, 8 the schedule's sale record,
--       9 its seat map, 10 its seat events, 11 its hold ends, 12.. seat keys
-- ARGV: 1 owner, 2 claim token, 3 claim ttl ms, 4 origin token or '', 5 attempt, 6 seat limit,
--       7.. members (KEYS[i]'s is ARGV[i - 5])
-- Returns {1, fence, expires_at_ms} | {0, {seat position, reason, ...}} | {-2} origin hold expired
--         or unknown, or this attempt was aborted | {-3} origin hold not the caller's, or the claim
--         token is someone else's | {-4} the claim token already names other seats | {-5, seat limit}
--         | a sale_refusal
local owner, claim, ttl, origin, attempt = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
if redis.call('SISMEMBER', KEYS[6], attempt) == 1 then return {-2} end
local existing = redis.call('HMGET', KEYS[1], 'owner', 'fence', 'seats')
if existing[1] then
  if existing[1] ~= owner then return {-3} end
  -- The same token must name the same seats: it is the same claim, not a way into another one.
  local claimed, count = {}, 0
  for _, member in ipairs(members_of(existing[3])) do claimed[member] = true; count = count + 1 end
  if count ~= #KEYS - 11 then return {-4} end
  for i = 12, #KEYS do
    if not claimed[ARGV[i - 5]] then return {-4} end
  end
  local left = redis.call('PTTL', KEYS[1])
  redis.call('SADD', KEYS[5], attempt)
  redis.call('PEXPIRE', KEYS[5], left)
  return {1, tonumber(existing[2]), now_ms() + left}
end
local now = now_ms()
local members = {}
for i = 12, #KEYS do members[#members + 1] = ARGV[i - 5] end
if origin ~= '' then
  local holder = redis.call('HGET', KEYS[4], 'owner')
  if not holder then return {-2} end
  if holder ~= owner then return {-3} end
end
local refusal = sale_refusal(KEYS[8], KEYS[9], members, now)
if refusal then return refusal end

local conflicts = conflicts_from(12, owner)
if #conflicts > 0 then return {0, conflicts} end

if user_seat_count(KEYS[7], now, members) > tonumber(ARGV[6]) then return {-5, tonumber(ARGV[6])} end

local fence = next_fence(KEYS[2], now)
for i = 12, #KEYS do
  redis.call('SET', KEYS[i], owner .. ':claim-' .. claim, 'PX', ttl)
  redis.call('SADD', KEYS[3], ARGV[i - 5])
  redis.call('ZADD', KEYS[7], now + ttl, ARGV[i - 5])
end
keep_user_seats(KEYS[7])
expect_ends(KEYS[11], now + ttl, members)
announce(KEYS[10], 'HELD', members)
redis.call('HSET', KEYS[1], 'owner', owner, 'kind', 'claim', 'fence', fence, 'created', now,
  'origin', origin, 'seats', table.concat(members, '\n'))
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('SADD', KEYS[5], attempt)
redis.call('PEXPIRE', KEYS[5], ttl)
return {1, fence, now + ttl}
