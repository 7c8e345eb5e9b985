-- A booking was cancelled: frees the seats it had marked sold, and nothing else, and records the
-- cancellation for a while, so that a confirm of the same booking arriving late (a retry whose
-- first answer was lost) cannot mark them sold again.
-- KEYS: 1 schedule index, 2 the booking's cancellation record, 3.. seat keys
-- ARGV: 1 owner, 2 booking id, 3 how long the cancellation is remembered in ms, 4.. seat members
-- Returns the number of seats freed.
local sold = ARGV[1] .. ':booked-' .. ARGV[2]
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
local count = 0
for i = 3, #KEYS do
  if redis.call('GET', KEYS[i]) == sold then
    redis.call('DEL', KEYS[i])
    redis.call('SREM', KEYS[1], ARGV[i + 1])
    count = count + 1
  end
end
return count
