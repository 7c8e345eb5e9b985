-- Booking's database says these bookings own these seats: marks each seat sold, as confirm would,
-- unless its booking was cancelled since (the cancellation record). It runs when Redis lost its
-- sold markers (restarted empty, a master of the cluster replaced) and, for recent bookings, after
-- a booking-service that died between its commit and its confirm. Idempotent: a seat already
-- marked sold stays as it is; any other value (a hold placed while the markers were missing) gives
-- way, as the database already sold the seat.
-- A whole schedule is rebuilt in pages under a lease: the first page takes it (no other rebuild
-- of the schedule may hold it), every page renews it, the last one marks the schedule's sold
-- markers complete and drops it. Should Redis lose its data mid-way, the lease is gone with the
-- markers, the next page is refused, and the rebuild starts over. Pages of recent bookings carry no
-- lease.
-- KEYS: 1 schedule index, 2 the schedule's "sold markers complete" flag, 3 the rebuild lease, 4 seat
--       events, 5 hold ends, then
--       for each booking: its cancellation record, the owner's seats, its seat keys
-- ARGV: 1 lease ('' for none), 2 'first' or '', 3 'last' or '', 4 lease ms, 5 sold-until ms or '',
--       6 number of bookings, then for each booking: owner, booking id, seat count, seat members
-- Returns {seats newly marked} | {-1} the lease is lost | {-2} another rebuild holds the lease
local lease, lease_ms, sold_until = ARGV[1], ARGV[4], tonumber(ARGV[5])
if lease ~= '' then
  if ARGV[2] == 'first' then
    if not redis.call('SET', KEYS[3], lease, 'NX', 'PX', lease_ms) then return {-2} end
  elseif redis.call('GET', KEYS[3]) ~= lease then
    return {-1}
  else
    redis.call('PEXPIRE', KEYS[3], lease_ms)
  end
end

local marked, key_at, arg_at = {}, 6, 7
for _ = 1, tonumber(ARGV[6]) do
  local owner, booking, count = ARGV[arg_at], ARGV[arg_at + 1], tonumber(ARGV[arg_at + 2])
  local cancelled, user_key = KEYS[key_at], KEYS[key_at + 1]
  local sold = owner .. ':booked-' .. booking
  if redis.call('EXISTS', cancelled) == 0 then
    for i = 1, count do
      local seat_key, member = KEYS[key_at + 1 + i], ARGV[arg_at + 2 + i]
      local value = redis.call('GET', seat_key)
      if value ~= sold then
        redis.call('SET', seat_key, sold)
        if sold_until then redis.call('PEXPIREAT', seat_key, sold_until) end
        marked[#marked + 1] = member
      end
      redis.call('SREM', KEYS[1], member)
      redis.call('ZADD', user_key, sold_until or '+inf', member)
    end
    keep_user_seats(user_key)
  end
  key_at = key_at + 2 + count
  arg_at = arg_at + 3 + count
end

forget_ends(KEYS[5], marked)
announce(KEYS[4], 'BOOKED', marked)

if lease ~= '' and ARGV[3] == 'last' then
  redis.call('SET', KEYS[2], '1')
  if sold_until then redis.call('PEXPIREAT', KEYS[2], sold_until) end
  redis.call('DEL', KEYS[3])
end
return {#marked}
