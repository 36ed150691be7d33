-- the earliest time something becomes claimable: ARGV[5..] queues. Replies micros, or -1 when nothing waits on time. Exact
-- for the delayed tasks of those queues when unpaused, as long as one of them is among the
-- SCAN earliest delayed tasks of all queues (else that entry's time: an early, empty claim); for
-- leases, the earliest expiry of any queue plus one microsecond (claimable once now > expiry).
local SCAN = 200
local wanted = {}
for i = 5, #ARGV do
  if redis.call('SISMEMBER', K.paused, ARGV[i]) == 0 then wanted[ARGV[i]] = true end
end
local earliest = nil
local entries = redis.call('ZRANGE', K.delayed, 0, SCAN - 1, 'WITHSCORES')
for i = 1, #entries, 2 do
  local q = string.sub(entries[i], 1, string.find(entries[i], SEP, 1, true) - 1)
  if wanted[q] or i == SCAN * 2 - 1 then
    earliest = tonumber(entries[i + 1])
    break
  end
end
local lease = redis.call('ZRANGE', K.leases, 0, 0, 'WITHSCORES')
if lease[2] then
  local expiry = tonumber(lease[2]) + 1
  if earliest == nil or expiry < earliest then earliest = expiry end
end
if earliest == nil then return -1 end
return earliest
