-- dead letters of a queue, oldest first: ARGV[5] queue, [6] limit. Replies the stored tasks, nine items each (see stored()).
local q, limit = ARGV[5], tonumber(ARGV[6])
local reply = {}
for _, member in ipairs(all_with_prefix(K.dead, q .. SEP, limit)) do
  local id = string.sub(member, #q + 2 + 12)
  local t = load(id)
  if t then
    local s = stored(id, t)
    for i = 1, 9 do reply[#reply + 1] = s[i] end
  end
end
return reply
