#!lua
-- Deletes the snapshot of one instance with its set memberships and search entries; events and
-- seq counters stay. ARGV: prefix, instance id.
local p, inst = ARGV[1], ARGV[2]

-- as in append.lua
local function seg(v)
  return (string.gsub(v, '[%%:%*]', function(c) return string.format('%%%02X', string.byte(c)) end))
end

local k = p .. ':snapshot:' .. inst
local old = redis.call('GET', k)
if old then
  local ok, d = pcall(cjson.decode, old)
  if ok and type(d) == 'table' and type(d.instance) == 'table' then
    local i = d.instance
    if type(i.componentName) == 'string' then
      redis.call('ZREM', p .. ':snapshots:active:' .. i.componentName, inst)
      redis.call('SREM', p .. ':snapshots:entry:' .. i.componentName, inst)
    end
    if type(i.componentName) == 'string' and type(i.machineName) == 'string' and type(i.currentState) == 'string' then
      local triple = seg(i.componentName) .. ':' .. seg(i.machineName) .. ':' .. seg(i.currentState)
      local index = p .. ':snapshots:by:' .. triple
      redis.call('ZREM', index, inst)
      if redis.call('ZCARD', index) == 0 then redis.call('SREM', p .. ':snapshots:names', triple) end
    end
  end
  redis.call('DEL', k)
end
redis.call('SREM', p .. ':snapshots:all', inst)
redis.call('ZREM', p .. ':snapshots:by:*:*:*', inst)
redis.call('HDEL', p .. ':snapshots:text', inst)
return 1
