-- Shared by every task script; RedisScripts prepends it to each one, so a script stays ONE atomic
-- EVALSHA. Every key is declared in KEYS (see RedisKeys for the order): nothing below builds a key
-- name, so the scripts run unchanged on Redis Cluster.
--
-- Time arrives as integer epoch microseconds in ARGV (the engine's clock, never Redis TIME); Lua
-- numbers are doubles, exact for integers below 2^53, which micros stay below until year 2255.
-- Numbers written back go through num() or pad(): tostring() would print 1.7e+15.
--
-- ARGV[1..4] of every task script: now, idempotency window, finished tasks kept, their max age.

if redis.replicate_commands then
  redis.replicate_commands() -- XADD picks its id from the server clock; effects replication is required before Redis 7
end

local K = {
  task = KEYS[1], env = KEYS[2], ckpt = KEYS[3], prog = KEYS[4], err = KEYS[5],
  ready = KEYS[6], delayed = KEYS[7], leases = KEYS[8], parked = KEYS[9], parkq = KEYS[10],
  freed = KEYS[11], res = KEYS[12], dead = KEYS[13], done = KEYS[14], window = KEYS[15],
  idem = KEYS[16], paused = KEYS[17], counts = KEYS[18], meta = KEYS[19], wake = KEYS[20],
  seatready = KEYS[21], day = KEYS[22]
}

local NOW = tonumber(ARGV[1])
local WINDOW = tonumber(ARGV[2])
local KEEP = tonumber(ARGV[3])
local MAX_AGE = tonumber(ARGV[4])
local SEP = '\0'
local ORDER_WIDTH = 38 -- 10 digits of inverted priority, 16 of due micros, 12 of sequence
local BATCH = 1000 -- most items one housekeeping step handles, so that no script runs long
local DAY_TTL = 259200 -- daily counters live three days: "today" in any zone is still covered

local PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, PAUSED = 0, 1, 2, 3, 4, 5
local woken = false

local function num(n)
  return string.format('%.0f', n)
end

local function pad(n, width)
  if n < 0 then n = 0 end
  return string.format('%0' .. width .. '.0f', n)
end

-- the first member of a lexicographic range whose members start with prefix, or nil
local function first_with_prefix(key, prefix)
  local hit = redis.call('ZRANGEBYLEX', key, '[' .. prefix, '[' .. prefix .. '\255', 'LIMIT', 0, 1)
  return hit[1]
end

local function all_with_prefix(key, prefix, limit)
  return redis.call('ZRANGEBYLEX', key, '[' .. prefix, '[' .. prefix .. '\255', 'LIMIT', 0, limit)
end

local function load(id)
  local raw = redis.call('HGET', K.task, id)
  if not raw then return nil end
  return cmsgpack.unpack(raw)
end

local function save(id, t)
  redis.call('HSET', K.task, id, cmsgpack.pack(t))
end

-- a task that queries may see: not trimmed or purged
local function visible(id)
  local t = load(id)
  if t == nil or t.h then return nil end
  return t
end

local function wake()
  if not woken then
    woken = true
    redis.call('XADD', K.wake, 'MAXLEN', 64, '*', 'w', '1')
  end
end

local function count(t, slot, delta)
  redis.call('HINCRBY', K.counts, t.q .. SEP .. slot, delta)
end

local function daily(t, field, delta)
  redis.call('HINCRBY', K.day, t.q .. SEP .. field, num(delta))
  redis.call('EXPIRE', K.day, DAY_TTL)
end

local function next_seq()
  return redis.call('HINCRBY', K.meta, 'seq', 1)
end

local function order_of(t)
  return pad(2147483647 - t.p, 10) .. pad(t.r, 16) .. pad(t.sq, 12)
end

local function in_window(t)
  return NOW - t.e < WINDOW
end

-- ---------------------------------------------------------------- slots

-- the seat t names (resource 'seat:<id>'), or nil: only that seat's owner may claim t
local function seat_of(t)
  for _, r in ipairs(t.res) do
    if string.sub(r, 1, 5) == 'seat:' then
      return string.sub(r, 6)
    end
  end
  return nil
end

-- ready tasks naming a seat wait in seatready under 'queue\0seat\0order id', out of the shared
-- ready set, so that claimers who do not own the seat never step over them
local function place_ready(id, t)
  local seat = seat_of(t)
  if seat then
    t.m = t.q .. SEP .. seat .. SEP .. order_of(t) .. id
    t.ss = 1
    redis.call('ZADD', K.seatready, 0, t.m)
  else
    t.m = t.q .. SEP .. order_of(t) .. id
    t.ss = nil
    redis.call('ZADD', K.ready, 0, t.m)
  end
  t.sl = 'R'
  count(t, 'R', 1)
end

local function place_pending(id, t)
  if t.r > NOW then
    redis.call('ZADD', K.delayed, num(t.r), t.q .. SEP .. id)
    t.sl = 'D'
    count(t, 'D', 1)
  else
    place_ready(id, t)
  end
end

local function place_paused(t)
  t.sl = 'P'
  count(t, 'P', 1)
end

local function unplace(id, t)
  local slot = t.sl
  if slot == 'R' then
    redis.call('ZREM', t.ss and K.seatready or K.ready, t.m)
    t.ss = nil
  elseif slot == 'D' then
    redis.call('ZREM', K.delayed, t.q .. SEP .. id)
  elseif slot == 'X' then
    redis.call('ZREM', K.leases, id)
  elseif slot == 'K' then
    redis.call('ZREM', K.parked, t.m)
    local group = t.pk .. SEP .. t.q
    if first_with_prefix(K.parked, group .. SEP) == nil then
      redis.call('ZREM', K.parkq, group)
    end
    t.pk = nil
  elseif slot == 'L' then
    redis.call('ZREM', K.dead, t.dm)
    t.dm = nil
  elseif slot == 'F' then
    redis.call('ZREM', K.done, t.fm)
    t.fm = nil
  end
  if slot ~= 'F' and slot ~= nil then
    count(t, slot, -1)
  end
  t.sl = nil
  t.m = nil
end

-- ---------------------------------------------------------------- resources

local function limit_of(limits, resource)
  local kind = string.match(resource, '^([^:]*)')
  return limits[kind]
end

local function running_on(resource)
  return tonumber(redis.call('HGET', K.res, resource) or '0')
end

-- the first resource of t at its limit, or nil
local function first_full(t, limits)
  for _, r in ipairs(t.res) do
    local limit = limit_of(limits, r)
    if limit ~= nil and running_on(r) >= limit then
      return r
    end
  end
  return nil
end

local function acquire(t)
  for _, r in ipairs(t.res) do
    redis.call('HINCRBY', K.res, r, 1)
  end
end

-- frees t's resources and tells each queue with tasks parked on one of them
local function release(t)
  for _, r in ipairs(t.res) do
    if redis.call('HINCRBY', K.res, r, -1) <= 0 then
      redis.call('HDEL', K.res, r)
    end
    for _, group in ipairs(all_with_prefix(K.parkq, r .. SEP, BATCH)) do
      local q = string.sub(group, #r + 2)
      redis.call('ZADD', K.freed, 0, q .. SEP .. r)
      wake()
    end
  end
end

-- ---------------------------------------------------------------- removal and retention

local function drop(id, t)
  unplace(id, t)
  redis.call('HDEL', K.task, id)
  redis.call('HDEL', K.env, id)
  redis.call('HDEL', K.ckpt, id)
  redis.call('HDEL', K.prog, id)
  redis.call('HDEL', K.err, id)
  redis.call('ZREM', K.window, id)
  if t.k and redis.call('HGET', K.idem, t.k) == id then
    redis.call('HDEL', K.idem, t.k)
  end
end

-- takes a trimmed task out of every query; inside its window it stays, hidden, so its id still
-- deduplicates (unless the engine generated the id and there is no key: then nothing can repeat it)
local function forget(id, t)
  if in_window(t) and (t.k or not t.g) then
    unplace(id, t)
    t.h = 1
    save(id, t)
    redis.call('HDEL', K.env, id)
    redis.call('HDEL', K.ckpt, id)
    redis.call('HDEL', K.prog, id)
    redis.call('HDEL', K.err, id)
  else
    drop(id, t)
  end
end

local function trim_one(member)
  local id = string.sub(member, 29)
  local t = load(id)
  if t then
    forget(id, t)
  else
    redis.call('ZREM', K.done, member)
  end
  redis.call('HINCRBY', K.meta, 'trimmed', 1)
end

local function trim_finished()
  local excess = redis.call('ZCARD', K.done) - KEEP
  if excess > 0 then
    for _, member in ipairs(redis.call('ZRANGE', K.done, 0, math.min(excess, BATCH) - 1)) do
      trim_one(member)
    end
  end
  -- finished at or before now - maxAge: the 16-digit time prefix sorts below that of the cutoff + 1
  local cutoff = pad(NOW - MAX_AGE + 1, 16)
  for _, member in ipairs(redis.call('ZRANGEBYLEX', K.done, '-', '(' .. cutoff, 'LIMIT', 0, BATCH)) do
    trim_one(member)
  end
end

local function close_windows()
  local ended = redis.call('ZRANGEBYSCORE', K.window, '-inf', num(NOW - WINDOW), 'LIMIT', 0, BATCH)
  for _, id in ipairs(ended) do
    redis.call('ZREM', K.window, id)
    local t = load(id)
    if t then
      if t.k and redis.call('HGET', K.idem, t.k) == id then
        redis.call('HDEL', K.idem, t.k)
      end
      if t.h then
        redis.call('HDEL', K.task, id)
      end
    end
  end
end

local function housekeeping()
  trim_finished()
  close_windows()
end

local function finish(id, t, status)
  t.s = status
  t.u = NOW
  t.fm = pad(NOW, 16) .. pad(next_seq(), 12) .. id
  redis.call('ZADD', K.done, 0, t.fm)
  t.sl = 'F'
  save(id, t)
  housekeeping()
  return status
end

-- ---------------------------------------------------------------- attempts

local function end_attempt(id, t)
  unplace(id, t)
  t.lt, t.x, t.c, t.cr, t.pr = nil, nil, nil, nil, nil
  release(t)
end

-- ends the attempt; pending again at run_at, or paused or cancelled as asked while it ran
local function requeue(id, t, run_at)
  local cancel, pause = t.cr, t.pr
  end_attempt(id, t)
  if cancel then
    return finish(id, t, CANCELLED)
  end
  t.r = run_at
  t.u = NOW
  if pause then
    t.s = PAUSED
    place_paused(t)
    save(id, t)
    return PAUSED
  end
  t.s = PENDING
  place_pending(id, t)
  save(id, t)
  wake()
  return PENDING
end

-- the worker is gone or too late: pending again, keeping the attempt it used
local function expire(id, t)
  daily(t, 'f', 1)
  return requeue(id, t, t.r)
end

local function recover_expired_leases()
  -- expired once now > expiry, so scores strictly below now
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', K.leases, '-inf', '(' .. num(NOW), 'LIMIT', 0, BATCH)) do
    local t = load(id)
    if t then
      expire(id, t)
    else
      redis.call('ZREM', K.leases, id)
    end
  end
end

local function promote_due()
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', K.delayed, '-inf', num(NOW), 'LIMIT', 0, BATCH)) do
    local id = string.sub(member, string.find(member, SEP, 1, true) + 1)
    local t = load(id)
    if t then
      unplace(id, t)
      place_ready(id, t)
      save(id, t)
    else
      redis.call('ZREM', K.delayed, member)
    end
  end
end

-- the task of a current, unexpired lease (ARGV[5] id, [6] token, [7] fencing token), or nil
local function holder()
  local id = ARGV[5]
  local t = load(id)
  if t == nil or t.s ~= RUNNING or t.lt ~= ARGV[6] or t.f ~= tonumber(ARGV[7]) then
    return nil, id
  end
  if NOW > t.x then
    expire(id, t)
    return nil, id
  end
  return t, id
end

local function lease_state(t)
  if t.cr then return 'CANCEL_REQUESTED' end
  if t.pr or redis.call('SISMEMBER', K.paused, t.q) == 1 then return 'PAUSE_REQUESTED' end
  return 'ACTIVE'
end

-- a task as StoredTask needs it: envelope, status, attempts, run-at, updated-at, last error,
-- checkpoint, progress, dead-lettered (1 | 0)
local function stored(id, t)
  return {redis.call('HGET', K.env, id), t.s, t.a, t.r, t.u, redis.call('HGET', K.err, id),
          redis.call('HGET', K.ckpt, id), redis.call('HGET', K.prog, id), t.sl == 'L' and 1 or 0}
end
