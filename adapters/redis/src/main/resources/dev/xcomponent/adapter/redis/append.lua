#!lua
-- Atomic append of events and snapshots (see AppendScript.java for the argument layout).
-- Every check runs before the first write, so a refused batch writes nothing. The shebang makes
-- Redis 7 refuse the whole script up front when it is out of memory, instead of failing halfway.
-- Writes are grouped (one MSET, one ZADD per sorted set) because each redis.call has a fixed cost.
local p = ARGV[1]
local ttl = tonumber(ARGV[2])
local ne = tonumber(ARGV[3])
local ns = tonumber(ARGV[4])
local no = tonumber(ARGV[5])
local EF = 8
local SF = 10
local OF = 4
local first = 6
local CHUNK = 4000 -- values per call, below Lua's unpack limit; even, for pairs

-- optional fields arrive as '' (absent) or '=' .. value
local function opt(v)
  if v == '' then return nil end
  return string.sub(v, 2)
end

-- runs cmd [key] values... in chunks of CHUNK values
local function bulk(cmd, key, values)
  local n = #values
  for i = 1, n, CHUNK do
    local j = math.min(i + CHUNK - 1, n)
    if key then
      redis.call(cmd, key, unpack(values, i, j))
    else
      redis.call(cmd, unpack(values, i, j))
    end
  end
end

-- a name as one segment of a search index key: '%', ':' and '*' percent-encoded (RedisKeys.segment)
local function seg(v)
  return (string.gsub(v, '[%%:%*]', function(c) return string.format('%%%02X', string.byte(c)) end))
end

-- the suffix of the search index key of (component, machine, state), also its name in the registry
local function triple(c, m, s)
  return seg(c) .. ':' .. seg(m) .. ':' .. seg(s)
end

-- appends to the list groups[name], remembering the order in which names first appear
local function add(groups, order, name, a, b)
  local g = groups[name]
  if not g then
    g = {}
    groups[name] = g
    order[#order + 1] = name
  end
  g[#g + 1] = a
  g[#g + 1] = b
end

-- pass 1: read what the checks need in two calls, then check; nothing is written yet
local instances, seen, idemKeys = {}, {}, {}
for i = 0, ne - 1 do
  local o = first + i * EF
  local inst = ARGV[o + 1]
  if not seen[inst] then
    seen[inst] = true
    instances[#instances + 1] = inst
  end
  local key = opt(ARGV[o + 4])
  if key then idemKeys[#idemKeys + 1] = p .. ':idem:' .. key end
end
local high = {}
for i = 1, #instances, CHUNK do
  local names = {}
  for k = i, math.min(i + CHUNK - 1, #instances) do names[#names + 1] = p .. ':seq:' .. instances[k] end
  local values = redis.call('MGET', unpack(names))
  for k = 1, #names do high[instances[i + k - 1]] = tonumber(values[k] or '0') end
end
local storedKeys = {}
for i = 1, #idemKeys, CHUNK do
  local names = {}
  for k = i, math.min(i + CHUNK - 1, #idemKeys) do names[#names + 1] = idemKeys[k] end
  local values = redis.call('MGET', unpack(names))
  for k = 1, #names do
    if values[k] then storedKeys[names[k]] = true end
  end
end

local dup, highText, keysInBatch = {}, {}, {}
local written = 0
for i = 0, ne - 1 do
  local o = first + i * EF
  local inst, seqText = ARGV[o + 1], ARGV[o + 2]
  local key = opt(ARGV[o + 4])
  local keyName = key and (p .. ':idem:' .. key)
  if key and (keysInBatch[keyName] or storedKeys[keyName]) then
    dup[i] = true
  else
    if key then keysInBatch[keyName] = true end
    local seq = tonumber(seqText)
    if seq <= high[inst] then
      return {'CONFLICT', inst, seqText, tostring(high[inst])}
    end
    high[inst] = seq
    highText[inst] = seqText
    written = written + 1
  end
end

-- pass 2: events and their indexes
local out = {'OK'}
local order = 0
if written > 0 then
  order = redis.call('INCRBY', p .. ':writes', written) - written
end
local strings, all = {}, {}
local sets, setOrder = {}, {}
for i = 0, ne - 1 do
  local o = first + i * EF
  local id = ARGV[o]
  if dup[i] then
    out[#out + 1] = id
  else
    local inst, seqText, at = ARGV[o + 1], ARGV[o + 2], ARGV[o + 3]
    local key, cause, corr, json = opt(ARGV[o + 4]), opt(ARGV[o + 5]), opt(ARGV[o + 6]), ARGV[o + 7]
    add(sets, setOrder, p .. ':events:' .. inst, seqText, json)
    all[#all + 1] = at
    all[#all + 1] = id
    strings[#strings + 1] = p .. ':event:' .. id
    strings[#strings + 1] = json
    if key then
      if ttl > 0 then
        redis.call('SET', p .. ':idem:' .. key, id, 'PX', ttl)
      else
        strings[#strings + 1] = p .. ':idem:' .. key
        strings[#strings + 1] = id
      end
    end
    order = order + 1
    if cause or corr then
      local member = string.format('%016d', order) .. ':' .. id
      if cause then add(sets, setOrder, p .. ':caused:' .. cause, at, member) end
      if corr then add(sets, setOrder, p .. ':correlation:' .. corr, at, member) end
    end
  end
end
for _, inst in ipairs(instances) do
  if highText[inst] then
    strings[#strings + 1] = p .. ':seq:' .. inst
    strings[#strings + 1] = highText[inst]
  end
end
for _, name in ipairs(setOrder) do
  bulk('ZADD', name, sets[name])
end
bulk('ZADD', p .. ':events:all', all)
bulk('MSET', nil, strings)

-- outbox: the messages of the events written here (not of duplicates), once per message id, in order
local firstOutbox = first + ne * EF + ns * SF
if no > 0 and written > 0 then
  local kept = {}
  for i = 0, ne - 1 do
    if not dup[i] then kept[ARGV[first + i * EF]] = true end
  end
  local position = redis.call('INCRBY', p .. ':outbox:writes', no) - no
  for j = 0, no - 1 do
    local o = firstOutbox + j * OF
    local id, eventId, comp, json = ARGV[o], ARGV[o + 1], ARGV[o + 2], ARGV[o + 3]
    position = position + 1
    if kept[eventId] and redis.call('HSETNX', p .. ':outbox:bodies:' .. comp, id, json) == 1 then
      redis.call('ZADD', p .. ':outbox:pending:' .. comp, position, id)
    end
  end
end

-- pass 3: snapshots; one never replaces a newer one. The search indexes follow the snapshot: the
-- instance leaves the index of its previous (component, machine, state) when that changes (an
-- index left empty leaves the registry), enters the index of the new one and the index of all
-- snapshots, scored by its update time; its search text is replaced.
local firstSnapshot = first + ne * EF
for j = 0, ns - 1 do
  local o = firstSnapshot + j * SF
  local inst, comp, seq, active, json = ARGV[o], ARGV[o + 1], tonumber(ARGV[o + 2]), ARGV[o + 3], ARGV[o + 4]
  local machine, state, updatedAt, text = ARGV[o + 5], ARGV[o + 6], ARGV[o + 7], ARGV[o + 8]
  local entry = ARGV[o + 9]
  local k = p .. ':snapshot:' .. inst
  local old = redis.call('GET', k)
  local replace = true
  local previous = nil
  if old then
    local ok, d = pcall(cjson.decode, old)
    if ok and type(d) == 'table' then
      if tonumber(d.seq) and tonumber(d.seq) > seq then
        replace = false
      elseif type(d.instance) == 'table' then
        local i = d.instance
        if type(i.componentName) == 'string' and i.componentName ~= comp then
          redis.call('ZREM', p .. ':snapshots:active:' .. i.componentName, inst)
          redis.call('SREM', p .. ':snapshots:entry:' .. i.componentName, inst)
        end
        if type(i.componentName) == 'string' and type(i.machineName) == 'string'
            and type(i.currentState) == 'string' then
          previous = triple(i.componentName, i.machineName, i.currentState)
        end
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
    if entry == '1' then
      redis.call('SADD', p .. ':snapshots:entry:' .. comp, inst)
    end
    local current = triple(comp, machine, state)
    if previous and previous ~= current then
      local before = p .. ':snapshots:by:' .. previous
      redis.call('ZREM', before, inst)
      if redis.call('ZCARD', before) == 0 then redis.call('SREM', p .. ':snapshots:names', previous) end
    end
    redis.call('ZADD', p .. ':snapshots:by:' .. current, updatedAt, inst)
    redis.call('ZADD', p .. ':snapshots:by:*:*:*', updatedAt, inst)
    redis.call('SADD', p .. ':snapshots:names', current)
    redis.call('HSET', p .. ':snapshots:text', inst, text)
  end
end
return out
