-- Shared helpers, prepended to every script. Values of seat keys are "<owner>:<token>"; a hold's
-- token is a UUID, a booking claim's "claim-<UUID>", a sold seat's "booked-<booking id>": a seat's
-- value alone says what holds it, so no script reads a record it did not declare in KEYS. Owners
-- may contain ':', tokens never do, so the value splits at its last ':'.
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function split(value)
  local i = string.find(value, ':[^:]*$')
  return string.sub(value, 1, i - 1), string.sub(value, i + 1)
end

local function is_booked(token)
  return string.sub(token, 1, 7) == 'booked-'
end

local function is_claim(token)
  return string.sub(token, 1, 6) == 'claim-'
end

local function members_of(list)
  local out = {}
  for member in string.gmatch(list or '', '[^\n]+') do
    out[#out + 1] = member
  end
  return out
end

-- Fencing tokens grow per schedule. A missing counter (new schedule, or a flushed Redis) starts
-- at Redis time x 1000, so tokens stay larger than any handed out before the flush.
local function next_fence(counter_key, now)
  if redis.call('EXISTS', counter_key) == 0 then
    redis.call('SET', counter_key, now * 1000)
  end
  return redis.call('INCR', counter_key)
end

-- Looks at the seat keys from KEYS[first] on, for a caller. Returns the conflicts as
-- {seat position, reason, ...}: BOOKED for a sold seat, LOCKED for one held by someone else or in
-- a booking's claim (even the caller's own). A seat the caller holds is no conflict.
local function conflicts_from(first, owner)
  local conflicts = {}
  for i = first, #KEYS do
    local value = redis.call('GET', KEYS[i])
    if value then
      local holder, held = split(value)
      if is_booked(held) then
        conflicts[#conflicts + 1] = i - first + 1
        conflicts[#conflicts + 1] = 'BOOKED'
      elseif holder ~= owner or is_claim(held) then
        conflicts[#conflicts + 1] = i - first + 1
        conflicts[#conflicts + 1] = 'LOCKED'
      end
    end
  end
  return conflicts
end

-- A user's seats in one schedule (the per-user limit counts them): a sorted set of seat members,
-- each scored with the moment it stops counting, in ms: when the hold or claim on it ends, or when
-- its sold marker does ('+inf' for never). Expired entries are dropped before every count.
local function user_seat_count(user_key, now, members)
  redis.call('ZREMRANGEBYSCORE', user_key, '-inf', now)
  local count = redis.call('ZCARD', user_key)
  for _, member in ipairs(members) do
    if not redis.call('ZSCORE', user_key, member) then count = count + 1 end
  end
  return count
end

-- The set lives as long as its longest-counting seat.
local function keep_user_seats(user_key)
  local last = redis.call('ZRANGE', user_key, -1, -1, 'WITHSCORES')
  if #last == 0 then return end
  if last[2] == 'inf' then
    redis.call('PERSIST', user_key)
  else
    redis.call('PEXPIREAT', user_key, math.ceil(tonumber(last[2])))
  end
end

-- The sale booking published for the schedule (publish_map.lua): its window and its seat map. nil
-- when the seats, named by their members, may be held now; else the refusal: {-6} a schedule
-- booking never published, {-7, opens at ms} not yet open, {-8, closed at ms} closed,
-- {-10, {positions of seats not in the seat map}}. One HMGET and one SMISMEMBER: no extra round trip.
local function sale_refusal(record_key, map_key, members, now)
  local sale = redis.call('HMGET', record_key, 'open', 'close')
  if not sale[1] then return {-6} end
  if now < tonumber(sale[1]) then return {-7, tonumber(sale[1])} end
  if now >= tonumber(sale[2]) then return {-8, tonumber(sale[2])} end
  local unknown = {}
  for i, known in ipairs(redis.call('SMISMEMBER', map_key, unpack(members))) do
    if known == 0 then unknown[#unknown + 1] = i end
  end
  if #unknown > 0 then return {-10, unknown} end
  return nil
end

-- The live seat map (SeatFeeds): a script that changes what a seat looks like to others (free, held,
-- sold) appends the change to the schedule's event stream in the same atomic step, so every replica
-- of seat-lock reads every change, in order, whichever replica made it. A hold that simply runs out
-- runs no script: the end of every hold and claim is kept in a sorted set (seat -> ms), which the
-- replicas streaming the schedule sweep (sweep.lua), so expiries are announced without keyspace
-- notifications. Both keys are the schedule's (its slot) and live a day past their last change.
local EVENTS_KEPT = 10000
local EVENTS_TTL_MS = 86400000
local PER_CALL = 500

local function announce(events_key, state, members)
  if #members == 0 then return end
  for first = 1, #members, PER_CALL do
    local fields = {}
    for i = first, math.min(first + PER_CALL - 1, #members) do
      fields[#fields + 1] = members[i]
      fields[#fields + 1] = state
    end
    redis.call('XADD', events_key, 'MAXLEN', '~', EVENTS_KEPT, '*', unpack(fields))
  end
  redis.call('PEXPIRE', events_key, EVENTS_TTL_MS)
end

-- The seat map itself changed (publish_map.lua): streams send a fresh snapshot. '_map' is no seat
-- member (members are "<row>:<number>").
local function announce_map(events_key, version)
  redis.call('XADD', events_key, 'MAXLEN', '~', EVENTS_KEPT, '*', '_map', version)
  redis.call('PEXPIRE', events_key, EVENTS_TTL_MS)
end

local function expect_ends(ends_key, at, members)
  if #members == 0 then return end
  for first = 1, #members, PER_CALL do
    local pairs_ = {}
    for i = first, math.min(first + PER_CALL - 1, #members) do
      pairs_[#pairs_ + 1] = at
      pairs_[#pairs_ + 1] = members[i]
    end
    redis.call('ZADD', ends_key, unpack(pairs_))
  end
  redis.call('PEXPIRE', ends_key, EVENTS_TTL_MS)
end

local function forget_ends(ends_key, members)
  for first = 1, #members, PER_CALL do
    redis.call('ZREM', ends_key, unpack(members, first, math.min(first + PER_CALL - 1, #members)))
  end
end
