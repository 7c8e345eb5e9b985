-- The holders of one page of a schedule's index (the members an SSCAN of it returned just before);
-- drops index entries whose hold has ended or whose seat was sold (sold seats are the booking
-- service's database's to list). A page is at most about a few hundred entries, so one read of a
-- big hall never holds Redis up for long: the caller walks the pages with SSCAN's cursor, and the
-- locks waiting get their turns between.
-- KEYS: 1 schedule index, 2.. the seat keys of the page's members
-- ARGV: the page's members (KEYS[i]'s is ARGV[i - 1])
-- Returns {member, holder, ...} for the seats held now
local out = {}
for i = 2, #KEYS do
  local member = ARGV[i - 1]
  local value = redis.call('GET', KEYS[i])
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
