/**
 * Lua scripts for the Redis store. Redis runs a script as one atomic step, so the check and the
 * change in each (queue limit, accept within capacity, transfer, end once) cannot interleave
 * with another process doing the same. Keys are in redis-keys.ts.
 */

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

/** KEYS conv, queue, active, held · ARGV id, operatorId → 1 | 0 */
export const REQUEUE = `
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then return 0 end
if redis.call('HGET', KEYS[1], 'operatorId') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'status', 'queued')
redis.call('HDEL', KEYS[1], 'operatorId', 'operatorName', 'acceptedAt')
redis.call('ZADD', KEYS[2], redis.call('HGET', KEYS[1], 'queuedAt'), ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return 1`;

/** KEYS conv, fromHeld, toHeld · ARGV id, fromId, toId, toName, capacity */
export const TRANSFER = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return 'not-found' end
if status ~= 'active' or redis.call('HGET', KEYS[1], 'operatorId') ~= ARGV[2] then return 'forbidden' end
if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[5]) then return 'capacity' end
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[1], 'operatorId', ARGV[3], 'operatorName', ARGV[4])
return 'ok'`;

/**
 * KEYS conv, queue, active, away, messages, dedupe, notes, stats
 * ARGV id, prefix, outcome ('' = none), retentionMs, statsTtlSeconds → HGETALL of the conversation | nil
 */
export const END = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'ended' then return nil end
local fields = redis.call('HGETALL', KEYS[1])
local operatorId = redis.call('HGET', KEYS[1], 'operatorId')
local tokenHash = redis.call('HGET', KEYS[1], 'tokenHash')
if operatorId then redis.call('SREM', ARGV[2] .. 'held:' .. operatorId, ARGV[1]) end
if tokenHash then redis.call('DEL', ARGV[2] .. 'token:' .. tokenHash) end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HINCRBY', KEYS[8], 'ended', 1)
if status == 'queued' then redis.call('HINCRBY', KEYS[8], 'abandoned', 1) end
if ARGV[3] ~= '' then redis.call('HINCRBY', KEYS[8], 'outcome:' .. ARGV[3], 1) end
redis.call('EXPIRE', KEYS[8], ARGV[5])
if tonumber(ARGV[4]) <= 0 then
  redis.call('DEL', KEYS[5], KEYS[6], KEYS[7])
else
  redis.call('PEXPIRE', KEYS[5], ARGV[4])
  redis.call('PEXPIRE', KEYS[6], ARGV[4])
  redis.call('PEXPIRE', KEYS[7], ARGV[4])
end
return fields`;

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

/** KEYS last-step key · ARGV step, ttlMs → 1 (claimed) | 0 (that step or a later one was used: a replay). */
export const CLAIM_TOTP_STEP = `
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
if last >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;
