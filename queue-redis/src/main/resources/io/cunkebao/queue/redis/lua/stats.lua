-- stats: ARGV[5..] queues. Brings the counters up to date first (expired leases, due tasks), then
-- replies {pending, delayed, running, paused, dead, completed today, failed today, micros of
-- processing today}, summed over the distinct queues.
recover_expired_leases()
promote_due()
local sums = {0, 0, 0, 0, 0, 0, 0, 0}
local seen = {}
for i = 5, #ARGV do
  local q = ARGV[i]
  if not seen[q] then
    seen[q] = true
    local c = redis.call('HMGET', K.counts, q .. SEP .. 'R', q .. SEP .. 'D', q .. SEP .. 'K',
        q .. SEP .. 'X', q .. SEP .. 'P', q .. SEP .. 'L')
    local d = redis.call('HMGET', K.day, q .. SEP .. 'c', q .. SEP .. 'f', q .. SEP .. 'n')
    local r, dl, k = tonumber(c[1] or 0), tonumber(c[2] or 0), tonumber(c[3] or 0)
    sums[1] = sums[1] + r + dl + k
    sums[2] = sums[2] + dl
    sums[3] = sums[3] + tonumber(c[4] or 0)
    sums[4] = sums[4] + tonumber(c[5] or 0)
    sums[5] = sums[5] + tonumber(c[6] or 0)
    sums[6] = sums[6] + tonumber(d[1] or 0)
    sums[7] = sums[7] + tonumber(d[2] or 0)
    sums[8] = sums[8] + tonumber(d[3] or 0)
  end
end
return sums
