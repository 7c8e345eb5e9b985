-- Holds every seat for one owner, or none.
-- KEYS: 1 new hold record, 2 fence counter, 3 schedule index, 4.. seat keys
-- ARGV: 1 owner, 2 token, 3 hold ttl ms, 4 max total hold ms, 5 hold record prefix, 6.. seat members
-- Returns {1, fence, expires_at_ms} | {0, {seat position, reason, ...}} | {-1} (total hold time used up)
local owner, token = ARGV[1], ARGV[2]
local ttl, max_total, hold_prefix = tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
local now = now_ms()

-- A seat the caller already holds is not a conflict: it moves to the new hold, which keeps the
-- oldest start among them.
local conflicts, created = conflicts_from(4, owner, hold_prefix, now)
if #conflicts > 0 then return {0, conflicts} end

local expires = math.min(now + ttl, created + max_total)
if expires <= now then return {-1} end

local fence = next_fence(KEYS[2], now)
local members = {}
for i = 4, #KEYS do
  redis.call('SET', KEYS[i], owner .. ':' .. token, 'PX', expires - now)
  redis.call('SADD', KEYS[3], ARGV[i + 2])
  members[#members + 1] = ARGV[i + 2]
end
redis.call('HSET', KEYS[1], 'owner', owner, 'kind', 'hold', 'fence', fence, 'created', created,
  'seats', table.concat(members, '\n'))
redis.call('PEXPIRE', KEYS[1], expires - now)
return {1, fence, expires}
