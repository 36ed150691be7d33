-- state store delete: KEYS as state_cas; ARGV[1] key, [2] expected version. Replies 1 when deleted.
local key = ARGV[1]
local current = redis.call('HGET', KEYS[1], 'n:' .. key)
if current == false or tonumber(current) ~= tonumber(ARGV[2]) then return 0 end
redis.call('HDEL', KEYS[1], 'v:' .. key, 'n:' .. key, 't:' .. key)
redis.call('ZREM', KEYS[2], key)
return 1
