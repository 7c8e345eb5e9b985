-- seat-lock stopped waiting for a lock (Redis did not answer in time) and told the user 503: the
-- lock must not hold seats for someone who was never given its token. Marks the token abandoned,
-- so that the lock, should it still reach Redis (a slow network, a cluster client trying again),
-- takes nothing; and frees what the lock took, should it have run already. Either order ends with
-- nothing held.
-- KEYS: 1 the hold record, 2 the token's abandoned mark, 3 schedule index, 4 the owner's seats,
--       5 seat events, 6 hold ends, 7.. the seat keys the lock asked for
-- ARGV: 1 owner, 2 token, 3 how long the mark lasts in ms, 4.. seat members (KEYS[i]'s is ARGV[i - 3])
-- Returns the number of seats freed.
local mine = ARGV[1] .. ':' .. ARGV[2]
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
local freed = {}
for i = 7, #KEYS do
  if redis.call('GET', KEYS[i]) == mine then
    redis.call('DEL', KEYS[i])
    redis.call('SREM', KEYS[3], ARGV[i - 3])
    redis.call('ZREM', KEYS[4], ARGV[i - 3])
    freed[#freed + 1] = ARGV[i - 3]
  end
end
keep_user_seats(KEYS[4])
forget_ends(KEYS[6], freed)
announce(KEYS[5], 'AVAILABLE', freed)
redis.call('DEL', KEYS[1])
return #freed
