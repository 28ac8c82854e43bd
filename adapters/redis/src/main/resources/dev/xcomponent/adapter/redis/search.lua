#!lua flags=no-writes
-- One step of the audit search (see RedisEventStore#search). Walks search indexes (sorted sets of
-- instance ids scored by update time) newest first, merged, over at most `step` entries, keeping
-- the instances whose search text holds `needle` (plain substring; '' keeps every one) until
-- `want` are kept.
--
-- ARGV: prefix, needle, want, step, then either
--   'filter', component, machine, state: each an encoded name (RedisKeys.segment) or '*' for any.
--     All three names: their one index; none: the index of all snapshots; otherwise every index
--     of the registry whose names match.
--   'resume', n, then n pairs (index key, entries of it already walked): a later step.
-- Reply: {entries walked, 1 when every index is walked to its end else 0, n, then n pairs (index
-- key, entries walked) to resume with, then the snapshot JSON of each instance kept, newest first}.
local p, needle, want, step, mode = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
local BATCH = 512 -- entries whose search texts are read in one call
local base = p .. ':snapshots:by:'

local sources = {}
if mode == 'filter' then
  local c, m, s = ARGV[6], ARGV[7], ARGV[8]
  if c ~= '*' and m ~= '*' and s ~= '*' then
    sources[1] = {key = base .. c .. ':' .. m .. ':' .. s, rank = 0}
  elseif c == '*' and m == '*' and s == '*' then
    sources[1] = {key = base .. '*:*:*', rank = 0}
  else
    for _, name in ipairs(redis.call('SMEMBERS', p .. ':snapshots:names')) do
      local nc, nm, ns = string.match(name, '^([^:]*):([^:]*):([^:]*)$')
      if nc and (c == '*' or c == nc) and (m == '*' or m == nm) and (s == '*' or s == ns) then
        sources[#sources + 1] = {key = base .. name, rank = 0}
      end
    end
  end
else
  for i = 1, tonumber(ARGV[6]) do
    sources[i] = {key = ARGV[5 + 2 * i], rank = tonumber(ARGV[6 + 2 * i])}
  end
end

-- entries read from an index at a time: about twice a fair share of what this step needs
local needed = needle == '' and math.min(want, step) or step
local PAGE = math.max(32, math.min(512, math.ceil(2 * needed / math.max(1, #sources))))

-- the next entry {id, score} of a source, reading its index a page at a time; nil at its end
local function head(src)
  if src.pos > #src.page then
    if src.dry then return nil end
    local r = redis.call('ZREVRANGE', src.key, src.next, src.next + PAGE - 1, 'WITHSCORES')
    src.page, src.pos = {}, 1
    for i = 1, #r, 2 do src.page[#src.page + 1] = {r[i], tonumber(r[i + 1])} end
    src.next = src.next + #src.page
    src.dry = #src.page < PAGE
    if #src.page == 0 then return nil end
  end
  return src.page[src.pos]
end

-- a heap of the sources by their next entry: newest first, the higher id first on a tie
local heap = {}
local function above(i, j)
  local a, b = heap[i].h, heap[j].h
  if a[2] ~= b[2] then return a[2] > b[2] end
  return a[1] > b[1]
end
local function swap(i, j) heap[i], heap[j] = heap[j], heap[i] end
local function up(i)
  while i > 1 do
    local parent = math.floor(i / 2)
    if not above(i, parent) then break end
    swap(i, parent)
    i = parent
  end
end
local function down(i)
  local n = #heap
  while true do
    local l, r, best = 2 * i, 2 * i + 1, i
    if l <= n and above(l, best) then best = l end
    if r <= n and above(r, best) then best = r end
    if best == i then break end
    swap(i, best)
    i = best
  end
end

-- the next n ids in merged order (fewer at the end of every index)
local take
if #sources == 1 then
  -- one index: its own order, read directly
  local src = sources[1]
  heap[1] = src
  take = function(n)
    local ids = redis.call('ZREVRANGE', src.key, src.rank, src.rank + n - 1)
    src.rank = src.rank + #ids
    if #ids < n then heap[1] = nil end
    return ids
  end
else
  for _, src in ipairs(sources) do
    src.page, src.pos, src.next = {}, 1, src.rank
    src.h = head(src)
    if src.h then
      heap[#heap + 1] = src
      up(#heap)
    end
  end
  take = function(n)
    local ids = {}
    while #ids < n and #heap > 0 do
      local src = heap[1]
      ids[#ids + 1] = src.h[1]
      src.pos, src.rank = src.pos + 1, src.rank + 1
      src.h = head(src)
      if not src.h then
        heap[1] = heap[#heap]
        heap[#heap] = nil
      end
      if #heap > 0 then down(1) end
    end
    return ids
  end
end

local kept, walked = {}, 0
while walked < step and #heap > 0 and #kept < want do
  local n = math.min(BATCH, step - walked)
  if needle == '' then n = math.min(n, want - #kept) end
  local batch = take(n)
  walked = walked + #batch
  if needle == '' then
    for _, id in ipairs(batch) do kept[#kept + 1] = id end
  elseif #batch > 0 then
    local texts = redis.call('HMGET', p .. ':snapshots:text', unpack(batch))
    for i = 1, #batch do
      if texts[i] and string.find(texts[i], needle, 1, true) then
        kept[#kept + 1] = batch[i]
        if #kept >= want then break end
      end
    end
  end
end

local out = {walked, #heap == 0 and 1 or 0, #heap}
for _, src in ipairs(heap) do
  out[#out + 1] = src.key
  out[#out + 1] = src.rank
end
if #kept > 0 then
  local names = {}
  for i = 1, #kept do names[i] = p .. ':snapshot:' .. kept[i] end
  local docs = redis.call('MGET', unpack(names))
  for i = 1, #kept do
    if docs[i] then out[#out + 1] = docs[i] end
  end
end
return out
