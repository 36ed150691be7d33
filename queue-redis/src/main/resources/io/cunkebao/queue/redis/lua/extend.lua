-- extend a lease: ARGV[5..7] the lease, [8] new expiry. Replies the lease state.
local t, id = holder()
if not t then return 'LOST' end
t.x = tonumber(ARGV[8])
redis.call('ZADD', K.leases, ARGV[8], id)
save(id, t)
return lease_state(t)
