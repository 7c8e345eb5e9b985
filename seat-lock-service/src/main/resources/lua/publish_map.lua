-- Installs a schedule's sale as booking's database has it: the sales window and the seat map (the
-- seats that may be held). booking stages the seat map first, in pages, under a key of its own
-- (SADD, see SeatMaps), so a hall of 50,000 seats is never one long script; this script swaps it in
-- whole. Versions only grow (booking takes a new one for every publication, in the transaction that
-- reads what it sends): an older publication arriving late changes nothing. Seats booking took out of
-- the sale (withdrawn, or off sale while their price changes) must be free: a map that would leave a
-- held, claimed or sold seat outside is refused, so a seat in anyone's hands never leaves the map.
-- KEYS: 1 the schedule's sale record, 2 its seat map, 3 the staged seat map, 4 its seat events,
--       5.. seat keys of the seats off sale
-- ARGV: 1 version, 2 opens at ms, 3 closes at ms, 4 kept until ms (both keys expire then),
--       5 seats staged (the staged map must hold exactly these many, or pages were lost)
-- Returns {1} installed | {0, version installed} an equal or newer one is there
--         | {-3, {positions of off-sale seats in use}} | {-4, seats found staged} pages lost
--         (Redis restarted, or the staging expired): nothing installed, booking publishes again
local version = tonumber(ARGV[1])
local installed = tonumber(redis.call('HGET', KEYS[1], 'version'))
if installed and installed >= version then
  redis.call('DEL', KEYS[3])
  return {0, installed}
end
local in_use = {}
for i = 5, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then in_use[#in_use + 1] = i - 4 end
end
if #in_use > 0 then
  redis.call('DEL', KEYS[3])
  return {-3, in_use}
end
local staged = redis.call('SCARD', KEYS[3])
if staged ~= tonumber(ARGV[5]) then
  redis.call('DEL', KEYS[3])
  return {-4, staged}
end
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[2])
  redis.call('PEXPIREAT', KEYS[2], ARGV[4])
else
  redis.call('DEL', KEYS[2])
end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'open', ARGV[2], 'close', ARGV[3])
redis.call('PEXPIREAT', KEYS[1], ARGV[4])
announce_map(KEYS[4], ARGV[1])
return {1}
