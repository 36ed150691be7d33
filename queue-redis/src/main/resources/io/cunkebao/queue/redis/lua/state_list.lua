-- state store list in key order: KEYS as state_cas; ARGV[1] the key to list after or '', [2] the
-- most to return, [3] '1' when ARGV[1] is set. Replies key, value, version, updated-at per entry.
local from = '-'
if ARGV[3] == '1' then from = '(' .. ARGV[1] end
local reply = {}
for _, key in ipairs(redis.call('ZRANGEBYLEX', KEYS[2], from, '+', 'LIMIT', 0, tonumber(ARGV[2]))) do
  local v = redis.call('HMGET', KEYS[1], 'v:' .. key, 'n:' .. key, 't:' .. key)
  if v[1] then
    reply[#reply + 1] = key
    reply[#reply + 1] = v[1]
    reply[#reply + 1] = tonumber(v[2])
    reply[#reply + 1] = v[3]
  end
end
return reply
