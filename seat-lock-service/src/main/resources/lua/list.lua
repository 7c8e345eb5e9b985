-- One page of the seats of a schedule held right now, with their holders; drops index entries whose
-- hold has ended or whose seat was sold (sold seats are the booking service's database's to list).
-- A page is at most about `count` index entries, so one read of a big hall never holds Redis up for
-- long: the caller walks the pages with the cursor, and the locks waiting get their turns between.
-- KEYS: 1 schedule index
-- ARGV: 1 cursor ('0' to start), 2 page size, 3 seat key prefix
-- Returns {next cursor ('0' after the last page), member, holder, ...}
local page = redis.call('SSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[2])
local out = {page[1]}
for _, member in ipairs(page[2]) do
  local value = redis.call('GET', ARGV[3] .. member)
  local sold = false
  if value then
    local _, held = split(value)
    sold = is_booked(held)
  end
  if not value or sold then
    redis.call('SREM', KEYS[1], member)
  else
    out[#out + 1] = member
    out[#out + 1] = split(value)
  end
end
return out
