-- retry: ARGV[5..7] the lease, [8] run-at, [9] error. Replies the new status code, or -1 when lost.
local t, id = holder()
if not t then return -1 end
redis.call('HSET', K.err, id, ARGV[9])
daily(t, 'f', 1)
return requeue(id, t, tonumber(ARGV[8]))
