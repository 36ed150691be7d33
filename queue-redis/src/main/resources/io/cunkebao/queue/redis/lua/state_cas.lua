-- state store compare-and-set: KEYS[1] the collection's hash, [2] its key index; ARGV[1] key,
-- [2] expected version (0: must not exist), [3] value, [4] updated-at. Replies the new version,
-- or 0 when the version did not match.
local key, expected = ARGV[1], tonumber(ARGV[2])
local current = tonumber(redis.call('HGET', KEYS[1], 'n:' .. key) or '0')
if current ~= expected then return 0 end
redis.call('HSET', KEYS[1], 'v:' .. key, ARGV[3], 'n:' .. key, current + 1, 't:' .. key, ARGV[4])
redis.call('ZADD', KEYS[2], 0, key)
return current + 1
