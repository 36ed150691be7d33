-- enqueue: ARGV[5] id, [6] envelope, [7] queue, [8] priority, [9] run-at, [10] idempotency key or '',
-- [11] digest of type and payload, [12] '1' when the engine generated the id, [13..] resources. Replies {'ok', 1 | 0, holder id} or
-- {'conflict', key, holder id}. Deduplicates on the key inside its window, and on the id while a
-- task with it is live or inside its window (see Intake of the in-memory driver). A task whose id
-- the engine generated gets no window entry: nothing can carry its id again, so it is not kept
-- once trimmed.
local id, key, digest, generated = ARGV[5], ARGV[10], ARGV[11], ARGV[12] == '1'
housekeeping()

local function duplicate(holder_id, holder, dedupe_key)
  if holder.w ~= digest then
    return {'conflict', dedupe_key, holder_id}
  end
  return {'ok', 0, holder_id}
end

if key ~= '' then
  local holder_id = redis.call('HGET', K.idem, key)
  if holder_id then
    local holder = load(holder_id)
    if holder and in_window(holder) then
      return duplicate(holder_id, holder, key)
    end
  end
end

local same = load(id)
if same then
  local finished_for_good = same.h or same.sl == 'F'
  if not finished_for_good or in_window(same) then
    return duplicate(id, same, 'id:' .. id)
  end
  drop(id, same)
end

local resources = {}
for i = 13, #ARGV do
  resources[#resources + 1] = ARGV[i]
end
local t = {
  q = ARGV[7], p = tonumber(ARGV[8]), sq = next_seq(), e = NOW, s = PENDING, a = 0,
  r = tonumber(ARGV[9]), u = NOW, res = resources, w = digest
}
if key ~= '' then
  t.k = key
  redis.call('HSET', K.idem, key, id)
end
if generated then
  t.g = 1
end
redis.call('HSET', K.env, id, ARGV[6])
if key ~= '' or not generated then
  redis.call('ZADD', K.window, num(NOW), id)
end
place_pending(id, t)
save(id, t)
wake()
return {'ok', 1, id}
