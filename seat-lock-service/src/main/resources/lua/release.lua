-- Frees the seats of a hold (all, or those named) that still carry its token.
-- The record stays, marked released, until it would have expired: releasing twice is harmless.
-- KEYS: 1 hold record, 2 schedule index, 3 the owner's seats, 4 seat events, 5 hold ends, 6.. the
--       keys of the record's seats,
--       as read just before (so every key the script touches is declared)
-- ARGV: 1 owner, 2 token, 3 the record's seats as read ('' if none), 4.. seat members to release
--       (none: all)
-- Returns {1, {released member, ...}} | {-2} expired or unknown | {-3} not the owner
--         | {-9} the record's seats changed since they were read (read again)
local owner, token = ARGV[1], ARGV[2]
local hold = redis.call('HMGET', KEYS[1], 'owner', 'kind', 'seats')
if not hold[1] then return {-2} end
if hold[1] ~= owner then return {-3} end
if hold[2] ~= 'hold' then return {-2} end
if hold[3] ~= ARGV[3] then return {-9} end

local wanted = nil
if #ARGV > 3 then
  wanted = {}
  for i = 4, #ARGV do wanted[ARGV[i]] = true end
end
local mine = owner .. ':' .. token
local released, remaining = {}, {}
for i, member in ipairs(members_of(hold[3])) do
  if wanted == nil or wanted[member] then
    local key = KEYS[5 + i]
    if redis.call('GET', key) == mine then
      redis.call('DEL', key)
      redis.call('SREM', KEYS[2], member)
      redis.call('ZREM', KEYS[3], member)
      released[#released + 1] = member
    end
  else
    remaining[#remaining + 1] = member
  end
end
forget_ends(KEYS[5], released)
announce(KEYS[4], 'AVAILABLE', released)
redis.call('HSET', KEYS[1], 'seats', table.concat(remaining, '\n'))
if #remaining == 0 then redis.call('HSET', KEYS[1], 'released', 1) end
return {1, released}
