-- claim: ARGV[5] lease expiry, [6] max, [7] token prefix, [8] number of queues, then the queues,
-- then the number of seats the claimer owns, then those seats, then pairs of resource kind and
-- limit. Replies a flat list, seven items per claimed task: id, envelope, attempt, fencing token,
-- lease token, checkpoint or nil, progress or nil.
--
-- A merge in claim order over the ready tasks of each queue, the ready tasks of each owned seat
-- and the parked tasks of resources that freed a slot; a task whose resource is full is parked on
-- it and the merge goes on, so a busy resource never holds up tasks for idle ones (see Claimer of
-- the in-memory driver). Tasks naming a seat wait in seatready, where only the seat's owner looks;
-- a freed parked task naming a seat this claimer does not own goes back there.
local expiry, max, token_prefix = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]
local nqueues = tonumber(ARGV[8])
local seats_at = 9 + nqueues
local nseats = tonumber(ARGV[seats_at])
local owned = {}
for i = seats_at + 1, seats_at + nseats do
  owned[ARGV[i]] = true
end
local limits = {}
for i = seats_at + 1 + nseats, #ARGV, 2 do
  limits[ARGV[i]] = tonumber(ARGV[i + 1])
end

recover_expired_leases()
housekeeping()
promote_due()

local function has_room(resource)
  local limit = limit_of(limits, resource)
  return limit == nil or running_on(resource) < limit
end

-- sources: {prefix = member prefix in its set, key = the set, resource = nil | parked-on, head = member}
local sources = {}
local function add_source(key, prefix, resource)
  local head = first_with_prefix(key, prefix)
  if head then
    sources[#sources + 1] = {key = key, prefix = prefix, resource = resource, head = head}
  end
  return head
end

local seen = {}
for i = 9, 8 + nqueues do
  local q = ARGV[i]
  if not seen[q] and redis.call('SISMEMBER', K.paused, q) == 0 then
    seen[q] = true
    add_source(K.ready, q .. SEP, nil)
    for seat in pairs(owned) do
      add_source(K.seatready, q .. SEP .. seat .. SEP, nil)
    end
    for _, entry in ipairs(all_with_prefix(K.freed, q .. SEP, BATCH)) do
      local r = string.sub(entry, #q + 2)
      if not has_room(r) or not add_source(K.parked, r .. SEP .. q .. SEP, r) then
        redis.call('ZREM', K.freed, entry)
      end
    end
  end
end

local function order(source)
  return string.sub(source.head, #source.prefix + 1)
end

local function take(id, t, n)
  unplace(id, t)
  acquire(t)
  t.s = RUNNING
  t.a = t.a + 1
  t.f = redis.call('HINCRBY', K.meta, 'fence', 1)
  t.lt = token_prefix .. n
  t.x = expiry
  t.c = NOW
  t.u = NOW
  redis.call('ZADD', K.leases, num(expiry), id)
  t.sl = 'X'
  count(t, 'X', 1)
  save(id, t)
  return {id, redis.call('HGET', K.env, id), t.a, t.f, t.lt,
          redis.call('HGET', K.ckpt, id), redis.call('HGET', K.prog, id)}
end

local function park(id, t, resource)
  unplace(id, t)
  local group = resource .. SEP .. t.q
  t.m = group .. SEP .. order_of(t) .. id
  t.pk = resource
  redis.call('ZADD', K.parked, 0, t.m)
  redis.call('ZADD', K.parkq, 0, group)
  t.sl = 'K'
  count(t, 'K', 1)
  save(id, t)
end

local claimed = {}
local taken = 0
while taken < max and #sources > 0 do
  local best = 1
  for i = 2, #sources do
    if order(sources[i]) < order(sources[best]) then best = i end
  end
  local source = sources[best]
  local head = first_with_prefix(source.key, source.prefix)
  if head ~= source.head then
    -- the set changed under its cached head (a task was parked onto it): rank it again
    if head then source.head = head else table.remove(sources, best) end
  elseif source.resource and not has_room(source.resource) then
    -- full again; its next release announces it again
    redis.call('ZREM', K.freed, string.sub(source.prefix, #source.resource + 2, -2) .. SEP .. source.resource)
    table.remove(sources, best)
  else
    local id = string.sub(head, #source.prefix + ORDER_WIDTH + 1)
    local t = load(id)
    local seat = seat_of(t)
    local blocker = first_full(t, limits)
    if seat and not owned[seat] then
      -- freed from a resource, but not this claimer's seat: back to the seat's ready tasks
      unplace(id, t)
      place_ready(id, t)
      save(id, t)
      wake()
    elseif blocker then
      park(id, t, blocker)
    else
      taken = taken + 1
      for _, item in ipairs(take(id, t, taken)) do
        claimed[#claimed + 1] = item
      end
    end
    local next_head = first_with_prefix(source.key, source.prefix)
    if next_head then
      source.head = next_head
    else
      if source.resource then
        redis.call('ZREM', K.freed, string.sub(source.prefix, #source.resource + 2, -2) .. SEP .. source.resource)
      end
      table.remove(sources, best)
    end
  end
end
return claimed
