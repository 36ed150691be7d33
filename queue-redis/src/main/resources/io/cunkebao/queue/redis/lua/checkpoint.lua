-- write a checkpoint: ARGV[5..7] the lease, [8] '1' when a checkpoint follows in [9], [10] '1'
-- when a progress follows in [11]. Replies the lease state.
local t, id = holder()
if not t then return 'LOST' end
if ARGV[8] == '1' then redis.call('HSET', K.ckpt, id, ARGV[9]) end
if ARGV[10] == '1' then redis.call('HSET', K.prog, id, ARGV[11]) end
t.u = NOW
save(id, t)
return lease_state(t)
