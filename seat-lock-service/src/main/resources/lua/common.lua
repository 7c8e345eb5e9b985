-- Shared helpers, prepended to every script. Values of seat keys are "<owner>:<token>"; a hold or
-- claim token is a UUID, a sold seat's token is "booked-<booking id>". Owners may contain ':',
-- tokens never do, so the value splits at its last ':'.
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
