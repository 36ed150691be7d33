-- release: ARGV[5..7] the lease. Replies the new status code, or -1 when lost. The attempt does
-- not count: the task was handed back unfinished.
local t, id = holder()
if not t then return -1 end
t.a = math.max(0, t.a - 1)
local run_at = t.r
if run_at > NOW then run_at = NOW end
return requeue(id, t, run_at)
