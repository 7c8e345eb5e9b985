-- The seats of a schedule held right now, as one user sees them; drops index entries whose hold
-- has expired, and sold ones (confirm no longer adds them; an index written before may hold some).
-- Sold seats are left out: the booking service's database is their record. The index thus holds
-- what is held now plus what expired since the last read, not every seat ever sold.
-- KEYS: 1 schedule index
-- ARGV: 1 owner, 2 seat key prefix
-- Returns {member, status, ...}
local out = {}
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local value = redis.call('GET', ARGV[2] .. member)
  if not value then
    redis.call('SREM', KEYS[1], member)
  else
    local holder, held = split(value)
    if is_booked(held) then
      redis.call('SREM', KEYS[1], member)
    else
      out[#out + 1] = member
      out[#out + 1] = (holder == ARGV[1]) and 'HELD_BY_YOU' or 'HELD'
    end
  end
end
return out
