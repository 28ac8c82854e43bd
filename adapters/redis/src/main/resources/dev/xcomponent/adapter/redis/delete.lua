#!lua
-- Deletes the snapshot of one instance with its set memberships; events and seq counters stay.
-- ARGV: prefix, instance id.
local p, inst = ARGV[1], ARGV[2]
local k = p .. ':snapshot:' .. inst
local old = redis.call('GET', k)
if old then
  local ok, d = pcall(cjson.decode, old)
  if ok and type(d) == 'table' and type(d.instance) == 'table' and type(d.instance.componentName) == 'string' then
    redis.call('ZREM', p .. ':snapshots:active:' .. d.instance.componentName, inst)
  end
  redis.call('DEL', k)
end
redis.call('SREM', p .. ':snapshots:all', inst)
return 1
