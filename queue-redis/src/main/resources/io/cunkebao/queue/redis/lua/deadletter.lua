-- dead letter: ARGV[5..7] the lease, [8] reason, [9] '1' to keep it in the dead-letter queue.
-- Replies the new status code, or -1 when lost. A cancel asked while it ran wins.
local t, id = holder()
if not t then return -1 end
local cancel = t.cr
end_attempt(id, t)
redis.call('HSET', K.err, id, ARGV[8])
daily(t, 'f', 1)
if cancel then return finish(id, t, CANCELLED) end
if ARGV[9] ~= '1' then return finish(id, t, FAILED) end
t.s = FAILED
t.u = NOW
t.dm = t.q .. SEP .. pad(next_seq(), 12) .. id
redis.call('ZADD', K.dead, 0, t.dm)
t.sl = 'L'
count(t, 'L', 1)
save(id, t)
return FAILED
