-- Booking failed: one attempt gives up its part in a claim. The claim itself is given back only
-- when no other attempt (a twin with the same Idempotency-Key, or a retry) still counts on it; then
-- seats that came from the caller's hold return to it for the rest of that hold's time, and the
-- others are freed. The attempt is remembered as given up, so that its claim, should it reach
-- Redis after this abort, takes nothing.
-- KEYS: 1 claim record, 2 schedule index, 3 the claim's attempts, 4 the claim's aborted attempts,
--       5 the owner's seats, 6 the origin hold's record (the claim record again if none), 7 seat
--       events, 8 hold ends, 9.. the keys of the claim's seats; the last two as read from the claim record just before
-- ARGV: 1 owner, 2 claim token, 3 the claim's seats as read ('' if none), 4 its origin as read,
--       5 attempt, 6 claim ttl ms
-- Returns the number of seats given back | -3 not the caller's claim | -9 the claim record changed
--         since it was read (it arrived meanwhile: read again)
local owner, claim, attempt = ARGV[1], ARGV[2], ARGV[5]
local record = redis.call('HMGET', KEYS[1], 'owner', 'kind', 'seats', 'origin')
if record[1] and (record[1] ~= owner or record[2] ~= 'claim') then return -3 end
if (record[3] or '') ~= ARGV[3] or (record[4] or '') ~= ARGV[4] then return -9 end
redis.call('SADD', KEYS[4], attempt)
redis.call('PEXPIRE', KEYS[4], ARGV[6])
if not record[1] then return 0 end
redis.call('SREM', KEYS[3], attempt)
if redis.call('SCARD', KEYS[3]) > 0 then return 0 end

local origin_ttl, origin_seats = -1, {}
if record[4] and record[4] ~= '' then
  local origin_key = KEYS[6]
  local origin = redis.call('HMGET', origin_key, 'seats', 'released')
  if not origin[2] then
    origin_ttl = redis.call('PTTL', origin_key)
    for _, member in ipairs(members_of(origin[1])) do origin_seats[member] = true end
  end
end

local mine = owner .. ':claim-' .. claim
local count, freed, returned = 0, {}, {}
for i, member in ipairs(members_of(record[3])) do
  local key = KEYS[8 + i]
  if redis.call('GET', key) == mine then
    if origin_ttl > 0 and origin_seats[member] then
      redis.call('SET', key, owner .. ':' .. record[4], 'PX', origin_ttl)
      redis.call('ZADD', KEYS[5], now_ms() + origin_ttl, member)
      returned[#returned + 1] = member
    else
      redis.call('DEL', key)
      redis.call('SREM', KEYS[2], member)
      redis.call('ZREM', KEYS[5], member)
      freed[#freed + 1] = member
    end
    count = count + 1
  end
end
keep_user_seats(KEYS[5])
expect_ends(KEYS[8], now_ms() + origin_ttl, returned)
forget_ends(KEYS[8], freed)
announce(KEYS[7], 'AVAILABLE', freed)
redis.call('DEL', KEYS[1])
return count
