-- ack: ARGV[5..7] the lease. Replies the new status code, or -1 when the lease was lost.
local t, id = holder()
if not t then return -1 end
local processing = NOW - t.c
if processing < 0 then processing = 0 end -- a clock step back must not lower the average
end_attempt(id, t)
daily(t, 'c', 1)
daily(t, 'n', processing)
return finish(id, t, COMPLETED)
