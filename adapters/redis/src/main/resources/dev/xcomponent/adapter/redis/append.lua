#!lua
-- Atomic append of events and snapshots (see AppendScript.java for the argument layout).
-- Every check runs before the first write, so a refused batch writes nothing. The shebang makes
-- Redis 7 refuse the whole script up front when it is out of memory, instead of failing halfway.
local p = ARGV[1]
local ttl = tonumber(ARGV[2])
local ne = tonumber(ARGV[3])
local ns = tonumber(ARGV[4])
local EF = 8
local SF = 5
local first = 5

-- optional fields arrive as '' (absent) or '=' .. value
local function opt(v)
  if v == '' then return nil end
  return string.sub(v, 2)
end

-- pass 1: idempotency keys and sequence numbers; nothing is written yet
local dup = {}
local keysInBatch = {}
local high = {}
local highText = {}
for i = 0, ne - 1 do
  local o = first + i * EF
  local inst, seqText = ARGV[o + 1], ARGV[o + 2]
  local key = opt(ARGV[o + 4])
  if key and (keysInBatch[key] or redis.call('EXISTS', p .. ':idem:' .. key) == 1) then
    dup[i] = true
  else
    if key then keysInBatch[key] = true end
    local seq = tonumber(seqText)
    local h = high[inst]
    if h == nil then
      h = tonumber(redis.call('GET', p .. ':seq:' .. inst) or '0')
    end
    if seq <= h then
      return {'CONFLICT', inst, seqText, tostring(h)}
    end
    high[inst] = seq
    highText[inst] = seqText
  end
end

-- pass 2: events and their indexes
local out = {'OK'}
local written = 0
for i = 0, ne - 1 do
  if not dup[i] then written = written + 1 end
end
local order = 0
if written > 0 then
  order = redis.call('INCRBY', p .. ':writes', written) - written
end
for i = 0, ne - 1 do
  local o = first + i * EF
  local id = ARGV[o]
  if dup[i] then
    out[#out + 1] = id
  else
    local inst, seqText, at = ARGV[o + 1], ARGV[o + 2], ARGV[o + 3]
    local key, cause, corr, json = opt(ARGV[o + 4]), opt(ARGV[o + 5]), opt(ARGV[o + 6]), ARGV[o + 7]
    redis.call('ZADD', p .. ':events:' .. inst, seqText, json)
    redis.call('ZADD', p .. ':events:all', at, id)
    redis.call('SET', p .. ':event:' .. id, json)
    if key then
      if ttl > 0 then
        redis.call('SET', p .. ':idem:' .. key, id, 'PX', ttl)
      else
        redis.call('SET', p .. ':idem:' .. key, id)
      end
    end
    order = order + 1
    local member = string.format('%016d', order) .. ':' .. id
    if cause then redis.call('ZADD', p .. ':caused:' .. cause, at, member) end
    if corr then redis.call('ZADD', p .. ':correlation:' .. corr, at, member) end
  end
end
for inst, text in pairs(highText) do
  redis.call('SET', p .. ':seq:' .. inst, text)
end

-- pass 3: snapshots; one never replaces a newer one
local firstSnapshot = first + ne * EF
for j = 0, ns - 1 do
  local o = firstSnapshot + j * SF
  local inst, comp, seq, active, json = ARGV[o], ARGV[o + 1], tonumber(ARGV[o + 2]), ARGV[o + 3], ARGV[o + 4]
  local k = p .. ':snapshot:' .. inst
  local old = redis.call('GET', k)
  local replace = true
  if old then
    local ok, d = pcall(cjson.decode, old)
    if ok and type(d) == 'table' then
      if tonumber(d.seq) and tonumber(d.seq) > seq then
        replace = false
      elseif type(d.instance) == 'table' and type(d.instance.componentName) == 'string'
          and d.instance.componentName ~= comp then
        redis.call('ZREM', p .. ':snapshots:active:' .. d.instance.componentName, inst)
      end
    end
  end
  if replace then
    redis.call('SET', k, json)
    redis.call('SADD', p .. ':snapshots:all', inst)
    if active == '1' then
      redis.call('ZADD', p .. ':snapshots:active:' .. comp, 0, inst)
    else
      redis.call('ZREM', p .. ':snapshots:active:' .. comp, inst)
    end
  end
end
return out
