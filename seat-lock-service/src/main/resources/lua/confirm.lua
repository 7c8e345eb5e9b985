-- After booking committed: marks the seats sold, so later lock attempts are refused without
-- asking the database. The database already decided, so a seat is marked sold whatever hold it
-- carries now (the claim may have run out meanwhile), unless the booking was cancelled since: a
-- confirm retried after the cancel (its first answer lost) must not sell the seat again. A marker
-- lasts until sold-until (booking sends a time after the show), so Redis does not keep every seat
-- ever sold; without it, forever.
-- The seats count towards the owner's seat limit in the schedule as long as they are marked.
-- KEYS: 1 claim record, 2 schedule index, 3 the booking's cancellation record, 4 the owner's
--       seats, 5 seat events, 6 hold ends, 7.. seat keys
-- ARGV: 1 owner, 2 booking id, 3 sold-until in epoch ms or '', 4.. seat members (KEYS[i]'s is ARGV[i - 3])
-- Returns the number of seats marked (0 for a cancelled booking).
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('DEL', KEYS[1])
  return 0
end
local sold = ARGV[1] .. ':booked-' .. ARGV[2]
local sold_until = tonumber(ARGV[3])
local members = {}
for i = 7, #KEYS do
  local value = redis.call('GET', KEYS[i])
  local already_sold = false
  if value then
    local _, held = split(value)
    already_sold = is_booked(held)
  end
  if not already_sold then
    redis.call('SET', KEYS[i], sold)
    if sold_until then redis.call('PEXPIREAT', KEYS[i], sold_until) end
  end
  -- The index lists what may be held; a sold seat is the database's to list, and kept here it
  -- would make every seat-map read (list.lua) cost more with every seat sold.
  redis.call('SREM', KEYS[2], ARGV[i - 3])
  redis.call('ZADD', KEYS[4], sold_until or '+inf', ARGV[i - 3])
  members[#members + 1] = ARGV[i - 3]
end
keep_user_seats(KEYS[4])
forget_ends(KEYS[6], members)
announce(KEYS[5], 'BOOKED', members)
redis.call('DEL', KEYS[1])
return #KEYS - 6
