-- cancel, pause, resume or replay: ARGV[5] the operation, [6] id. Replies {'ok', status code},
-- {'notfound'} or {'illegal', from code, to code}. A running task is flagged, never changed: its
-- holder sees the flag at its next extension or checkpoint, and the attempt's end carries it out.
local op, id = ARGV[5], ARGV[6]
local t = visible(id)
if t == nil then return {'notfound'} end

local allowed = {
  [PENDING] = {[RUNNING] = true, [PAUSED] = true, [CANCELLED] = true},
  [RUNNING] = {[COMPLETED] = true, [PENDING] = true, [FAILED] = true, [CANCELLED] = true, [PAUSED] = true},
  [PAUSED] = {[PENDING] = true, [CANCELLED] = true},
  [FAILED] = {[PENDING] = true}
}
local function can(from, to)
  return allowed[from] ~= nil and allowed[from][to] == true
end

if op == 'cancel' then
  if not can(t.s, CANCELLED) then return {'illegal', t.s, CANCELLED} end
  if t.s == RUNNING then
    t.cr = 1
    t.u = NOW
    save(id, t)
    return {'ok', RUNNING}
  end
  unplace(id, t)
  return {'ok', finish(id, t, CANCELLED)}
elseif op == 'pause' then
  if not can(t.s, PAUSED) then return {'illegal', t.s, PAUSED} end
  if t.s == RUNNING then
    t.pr = 1
    t.u = NOW
    save(id, t)
    return {'ok', RUNNING}
  end
  unplace(id, t)
  t.s = PAUSED
  t.u = NOW
  place_paused(t)
  save(id, t)
  return {'ok', PAUSED}
elseif op == 'resume' then
  if t.s == RUNNING and t.pr then
    t.pr = nil
    t.u = NOW
    save(id, t)
    return {'ok', RUNNING}
  end
  -- running and failed tasks become pending by other operations, never by a resume
  if t.s ~= PAUSED then return {'illegal', t.s, PENDING} end
  unplace(id, t)
  t.s = PENDING
  t.u = NOW
  if t.r < NOW then t.r = NOW end
  place_pending(id, t)
  save(id, t)
  wake()
  return {'ok', PENDING}
elseif op == 'replay' then
  if t.sl ~= 'L' then return {'illegal', t.s, PENDING} end
  unplace(id, t)
  t.s = PENDING
  t.u = NOW
  t.a = 0
  t.r = NOW
  place_pending(id, t)
  save(id, t)
  wake()
  return {'ok', PENDING}
end
return redis.error_reply('unknown control operation ' .. tostring(op))
