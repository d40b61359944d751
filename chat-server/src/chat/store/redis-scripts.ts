/**
 * Lua scripts for the Redis store. Redis runs a script as one atomic step, so the check and the
 * change in each (queue limit, accept within capacity, transfer, end once) cannot interleave
 * with another process doing the same. Keys are in redis-keys.ts.
 */

/**
 * The one place outcomes are counted (issue 20): a Lua function both END (an operator ended with
 * an outcome) and WRAP_UP start with. Statistics that follow outcomes belong here.
 */
const COUNT_OUTCOME = `
local function countOutcome(statsKey, outcome, statsTtl)
  redis.call('HINCRBY', statsKey, 'outcome:' .. outcome, 1)
  redis.call('EXPIRE', statsKey, statsTtl)
end`;

/**
 * A handover (issue 20), shared by REQUEUE and TRANSFER: the note joins the notes and the
 * conversation points at it. ARGV[n] noteJson ('' = none), ARGV[n+1] noteId, ARGV[n+2] from, ARGV[n+3] ttl.
 */
const HAND_OVER = `
local function handOver(convKey, notesKey, noteJson, noteId, from, ttl)
  if noteJson == '' then return end
  redis.call('RPUSH', notesKey, noteJson)
  redis.call('EXPIRE', notesKey, ttl)
  redis.call('HSET', convKey, 'handoverFrom', from, 'handoverNoteId', noteId)
end`;

/** KEYS queue, conv, token · ARGV maxQueue, id, queuedAt, ttlSeconds, field, value, … */
export const CREATE = `
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 'queue-full' end
redis.call('HSET', KEYS[2], unpack(ARGV, 5))
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
return 'ok'`;

/** KEYS conv, messages, dedupe · ARGV clientKey ('' = none), messageJson, ttlSeconds → {duplicate, json} | nil */
export const ADD_MESSAGE = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return nil end
if ARGV[1] ~= '' then
  local existing = redis.call('HGET', KEYS[3], ARGV[1])
  if existing then return {1, existing} end
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
  redis.call('EXPIRE', KEYS[3], ARGV[3])
end
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return {0, ARGV[2]}`;

/** KEYS conv, notes · ARGV noteJson, ttlSeconds → 1 | nil */
export const ADD_NOTE = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return nil end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1`;

/** KEYS conv, queue, active, held · ARGV id, operatorId, operatorName, capacity, now */
export const ACCEPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return 'not-found' end
if status ~= 'queued' then return 'already-taken' end
if redis.call('SCARD', KEYS[4]) >= tonumber(ARGV[4]) then return 'capacity' end
redis.call('HSET', KEYS[1], 'status', 'active', 'operatorId', ARGV[2], 'operatorName', ARGV[3], 'acceptedAt', ARGV[5])
redis.call('HSETNX', KEYS[1], 'firstAcceptedAt', ARGV[5])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
return 'ok'`;

/** KEYS conv, queue, active, held, notes · ARGV id, operatorId, noteJson ('' = none), noteId, from, ttl → 1 | 0 */
export const REQUEUE = `${HAND_OVER}
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then return 0 end
if redis.call('HGET', KEYS[1], 'operatorId') ~= ARGV[2] then return 0 end
handOver(KEYS[1], KEYS[5], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
redis.call('HSET', KEYS[1], 'status', 'queued')
redis.call('HDEL', KEYS[1], 'operatorId', 'operatorName', 'acceptedAt')
redis.call('ZADD', KEYS[2], redis.call('HGET', KEYS[1], 'queuedAt'), ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return 1`;

/** KEYS conv, fromHeld, toHeld, notes · ARGV id, fromId, toId, toName, capacity, noteJson ('' = none), noteId, from, ttl */
export const TRANSFER = `${HAND_OVER}
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return 'not-found' end
if status ~= 'active' or redis.call('HGET', KEYS[1], 'operatorId') ~= ARGV[2] then return 'forbidden' end
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[5]) then return 'capacity' end
handOver(KEYS[1], KEYS[4], ARGV[6], ARGV[7], ARGV[8], ARGV[9])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[1], 'operatorId', ARGV[3], 'operatorName', ARGV[4])
return 'ok'`;

/**
 * KEYS conv, queue, active, away, messages, dedupe, notes, stats, wrapUp
 * ARGV id, prefix, outcome ('' = none), retentionMs, statsTtlSeconds, endedBy, endedAt (ISO),
 *      day, textsUntil, expiresAt, keepMs → HGETALL of the conversation | nil
 * An active conversation ended without an outcome (not by its operator) waits for the wrap-up:
 * a hash of metadata copied from the conversation (never text) and a place in the operator's
 * `to-wrap-up:` set (score expiresAt), both living keepMs.
 */
export const END = `${COUNT_OUTCOME}
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return nil end
local fields = redis.call('HGETALL', KEYS[1])
local operatorId = redis.call('HGET', KEYS[1], 'operatorId')
local tokenHash = redis.call('HGET', KEYS[1], 'tokenHash')
if operatorId then redis.call('SREM', ARGV[2] .. 'held:' .. operatorId, ARGV[1]) end
if tokenHash then redis.call('DEL', ARGV[2] .. 'token:' .. tokenHash) end
if status == 'active' and operatorId and ARGV[3] == '' and ARGV[6] ~= 'operator' then
  redis.call('DEL', KEYS[9])
  redis.call('HSET', KEYS[9], 'conversationId', ARGV[1], 'operatorId', operatorId, 'endedBy', ARGV[6],
    'endedAt', ARGV[7], 'day', ARGV[8], 'textsUntil', ARGV[9], 'expiresAt', ARGV[10])
  for _, field in ipairs({'lang', 'about', 'inDanger', 'under18', 'theme', 'municipality', 'region'}) do
    local value = redis.call('HGET', KEYS[1], field)
    if value then redis.call('HSET', KEYS[9], field, value) end
  end
  redis.call('PEXPIRE', KEYS[9], ARGV[11])
  local toWrapUp = ARGV[2] .. 'to-wrap-up:' .. operatorId
  redis.call('ZADD', toWrapUp, ARGV[10], ARGV[1])
  redis.call('PEXPIRE', toWrapUp, ARGV[11])
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HINCRBY', KEYS[8], 'ended', 1)
if status == 'queued' then redis.call('HINCRBY', KEYS[8], 'abandoned', 1) end
redis.call('EXPIRE', KEYS[8], ARGV[5])
if ARGV[3] ~= '' then countOutcome(KEYS[8], ARGV[3], ARGV[5]) end
if tonumber(ARGV[4]) <= 0 then
  redis.call('DEL', KEYS[5], KEYS[6], KEYS[7])
else
  redis.call('PEXPIRE', KEYS[5], ARGV[4])
  redis.call('PEXPIRE', KEYS[6], ARGV[4])
  redis.call('PEXPIRE', KEYS[7], ARGV[4])
end
return fields`;

/**
 * KEYS conv, wrapUp, toWrapUp (this operator's), notes · ARGV id, operatorId, outcome,
 * noteJson ('' = none), now, prefix, statsTtlSeconds → 'ok' | 'unknown' | 'not-held' | 'not-ended' | 'already-wrapped-up'
 * Marks the wrap-up done (kept until it expires, so a second one is refused), counts the outcome
 * on the day of the end, and keeps the note with the conversation's notes while its texts live.
 */
export const WRAP_UP = `${COUNT_OUTCOME}
local status = redis.call('HGET', KEYS[1], 'status')
if status and status ~= 'ended' then
  if redis.call('HGET', KEYS[1], 'operatorId') == ARGV[2] then return 'not-ended' end
  return 'not-held'
end
local owner = redis.call('HGET', KEYS[2], 'operatorId')
if not owner or tonumber(redis.call('HGET', KEYS[2], 'expiresAt')) <= tonumber(ARGV[5]) then return 'unknown' end
if owner ~= ARGV[2] then return 'not-held' end
if redis.call('HGET', KEYS[2], 'done') then return 'already-wrapped-up' end
redis.call('HSET', KEYS[2], 'done', '1')
redis.call('ZREM', KEYS[3], ARGV[1])
countOutcome(ARGV[6] .. 'stats:' .. redis.call('HGET', KEYS[2], 'day'), ARGV[3], ARGV[7])
local textsLeft = tonumber(redis.call('HGET', KEYS[2], 'textsUntil')) - tonumber(ARGV[5])
if ARGV[4] ~= '' and textsLeft > 0 then
  redis.call('RPUSH', KEYS[4], ARGV[4])
  redis.call('PEXPIRE', KEYS[4], math.floor(textsLeft))
end
return 'ok'`;

/** KEYS conv, away · ARGV id, since ('' = connected again) */
export const SET_AWAY = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return 0 end
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], 'visitorAwaySince')
  redis.call('ZREM', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[1], 'visitorAwaySince', ARGV[2])
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
end
return 1`;

/**
 * KEYS counters · ARGV windowMs, limit per counter… → 0 (counted) | ms until the blocking counter is forgotten.
 * Checks every counter first and counts on all of them only when none is at its limit, so the
 * check and the count cannot interleave with another login (the login-race defect).
 */
export const TAKE_ATTEMPT = `
local wait = 0
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then ttl = tonumber(ARGV[1]) end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('PEXPIRE', key, ARGV[1])
end
return 0`;

/** KEYS counter → gives one attempt back (never below zero; an emptied counter is deleted). */
export const RETURN_ATTEMPT = `
local left = tonumber(redis.call('GET', KEYS[1]) or '0')
if left <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
return 1`;
