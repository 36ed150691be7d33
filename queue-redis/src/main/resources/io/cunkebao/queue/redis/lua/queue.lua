-- pause, resume or purge a queue: ARGV[5] the operation, [6] the queue. Replies a count (purge:
-- the dead letters deleted; resume: 1 when the queue was paused).
local op, q = ARGV[5], ARGV[6]
if op == 'pause' then
  return redis.call('SADD', K.paused, q)
elseif op == 'resume' then
  local was = redis.call('SREM', K.paused, q)
  if was == 1 then wake() end
  return was
elseif op == 'purge' then
  local purged = 0
  repeat
    local members = all_with_prefix(K.dead, q .. SEP, BATCH)
    for _, member in ipairs(members) do
      local id = string.sub(member, #q + 2 + 12)
      local t = load(id)
      if t then drop(id, t) else redis.call('ZREM', K.dead, member) end
      purged = purged + 1
    end
  until #members == 0
  return purged
end
return redis.error_reply('unknown queue operation ' .. tostring(op))
