-- A booking was cancelled: frees the seats it had marked sold, and nothing else, and records the
-- cancellation for a while, so that a confirm of the same booking arriving late (a retry whose
-- first answer was lost) cannot mark them sold again. The seats stop counting towards the owner's
-- seat limit.
-- KEYS: 1 schedule index, 2 the booking's cancellation record, 3 the owner's seats, 4 seat events,
--       5.. seat keys
-- ARGV: 1 owner, 2 booking id, 3 how long the cancellation is remembered in ms, 4.. seat members
--       (KEYS[i]'s is ARGV[i - 1])
-- Returns the number of seats freed.
local sold = ARGV[1] .. ':booked-' .. ARGV[2]
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
local freed = {}
for i = 5, #KEYS do
  local member = ARGV[i - 1]
  local value = redis.call('GET', KEYS[i])
  if value == sold then
    redis.call('DEL', KEYS[i])
    redis.call('SREM', KEYS[1], member)
    freed[#freed + 1] = member
  end
  if value == sold or not value then redis.call('ZREM', KEYS[3], member) end
end
keep_user_seats(KEYS[3])
announce(KEYS[4], 'AVAILABLE', freed)
return #freed
