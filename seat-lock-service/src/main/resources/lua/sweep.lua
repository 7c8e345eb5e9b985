-- Announces the holds and claims that ran out: of the candidates (seats whose end, read just before
-- from the schedule's hold ends, has passed), each whose seat key is gone is announced AVAILABLE and
-- forgotten. A seat held again meanwhile has a later end and is left alone; an entry whose seat still
-- has a key a second after its end (a sold marker, say) is forgotten without an announcement. Any
-- number of replicas may sweep the same schedule: the first one announces, the others find nothing.
-- KEYS: 1 the schedule's hold ends, 2 its seat events, 3.. the candidates' seat keys
-- ARGV: the candidates' members (KEYS[i]'s is ARGV[i - 2])
-- Returns the number of seats announced free
local now = now_ms()
local ended, stale = {}, {}
for i = 3, #KEYS do
  local member = ARGV[i - 2]
  local at = tonumber(redis.call('ZSCORE', KEYS[1], member))
  if at and at <= now then
    if redis.call('EXISTS', KEYS[i]) == 0 then
      ended[#ended + 1] = member
    elseif at <= now - 1000 then
      stale[#stale + 1] = member
    end
  end
end
forget_ends(KEYS[1], ended)
forget_ends(KEYS[1], stale)
announce(KEYS[2], 'AVAILABLE', ended)
return #ended
