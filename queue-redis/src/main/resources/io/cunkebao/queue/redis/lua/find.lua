-- find: ARGV[5] id. Replies the stored task (see stored()) or nil when unknown, trimmed or purged.
local id = ARGV[5]
local t = visible(id)
if t == nil then return {} end
return stored(id, t)
