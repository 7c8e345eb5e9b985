-- A booking was cancelled: frees the seats it had marked sold, and nothing else.
-- KEYS: 1 schedule index, 2.. seat keys
-- ARGV: 1 owner, 2 booking id, 3.. seat members
-- Returns the number of seats freed.
local sold = ARGV[1] .. ':booked-' .. ARGV[2]
local count = 0
for i = 2, #KEYS do
  if redis.call('GET', KEYS[i]) == sold then
    redis.call('DEL', KEYS[i])
    redis.call('SREM', KEYS[1], ARGV[i + 1])
    count = count + 1
  end
end
return count
