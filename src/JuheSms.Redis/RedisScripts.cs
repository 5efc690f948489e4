namespace JuheSms.Redis
{
    /// <summary>
    /// The Lua scripts: <see cref="RedisSmsSendGuard"/>'s check-and-reserve, and one script per step of
    /// <see cref="RedisSmsIdempotencyStore"/>. Each runs atomically in Redis and touches one key (Redis Cluster is fine).
    /// </summary>
    internal static class RedisScripts
    {
        /// <summary>
        /// KEYS[1] = the sorted set of one signature + number (member = reservation id, score = send time in ms).
        /// ARGV[1] = now in ms, or -1 to take Redis's own clock (TIME); ARGV[2] = the new member; ARGV[3] = the longest window
        /// in ms (history trim and key TTL); then pairs ARGV[4+2i] = window in ms, ARGV[5+2i] = most sends in it.
        /// Returns { 1, now, 0, 0 } when reserved, or { 0, now, i (1-based limit), reopensAt ms } when refused.
        /// The sliding-window rule is the in-memory guard's (SlidingWindows): a send at t counts while now - t &lt; window.
        /// </summary>
        public const string CheckAndReserve = @"
local key = KEYS[1]
local now = tonumber(ARGV[1])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local longest = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
local refused = 0
local reopens = 0
local n = 0
for i = 4, #ARGV, 2 do
  n = n + 1
  local window = tonumber(ARGV[i])
  local max = tonumber(ARGV[i + 1])
  local from = '(' .. (now - window)
  local count = redis.call('ZCOUNT', key, from, '+inf')
  if count >= max then
    local leaving = redis.call('ZRANGEBYSCORE', key, from, '+inf', 'WITHSCORES', 'LIMIT', count - max, 1)
    local at = tonumber(leaving[2]) + window
    if refused == 0 or at > reopens then
      refused = n
      reopens = at
    end
  end
end
if refused > 0 then
  return { 0, now, refused, reopens }
end
redis.call('ZADD', key, now, ARGV[2])
redis.call('PEXPIRE', key, longest)
return { 1, now, 0, 0 }
";
    
        // The idempotency scripts share one hash per key: s = state ('p' in flight, 'c' completed, 'u' outcome unknown),
        // t = the token of the send that holds it, l = lease end (ms), and once completed n = count, f = fee, i = sid.
        // The key expires Retention after its last change (PEXPIRE on every write).

        /// <summary>
        /// KEYS[1] = the key's hash. ARGV[1] = now in ms, or -1 for Redis's clock (TIME); ARGV[2] = the new token;
        /// ARGV[3] = lease in ms; ARGV[4] = retention in ms.
        /// Returns { 1, leaseEnd } when taken; { 2, count, fee, sid } when completed; { 3 } in flight; { 4 } outcome unknown.
        /// </summary>
        public const string IdempotencyBegin = @"
local key = KEYS[1]
local now = tonumber(ARGV[1])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local s = redis.call('HGET', key, 's')
if not s then
  local leaseEnd = now + tonumber(ARGV[3])
  redis.call('HSET', key, 's', 'p', 't', ARGV[2], 'l', leaseEnd)
  redis.call('PEXPIRE', key, ARGV[4])
  return { 1, leaseEnd }
end
if s == 'c' then
  local r = redis.call('HMGET', key, 'n', 'f', 'i')
  return { 2, tonumber(r[1]), tonumber(r[2]), r[3] }
end
if s == 'p' and tonumber(redis.call('HGET', key, 'l') or '0') > now then
  return { 3 }
end
return { 4 }
";

        /// <summary>
        /// KEYS[1] = the key's hash. ARGV[1] = the token; ARGV[2] = count; ARGV[3] = fee; ARGV[4] = sid; ARGV[5] = retention in ms.
        /// Records the result when the token still holds the key. Returns 1 when recorded, 0 when the key is not this send's.
        /// </summary>
        public const string IdempotencyComplete = @"
local key = KEYS[1]
if redis.call('HGET', key, 't') ~= ARGV[1] then
  return 0
end
redis.call('HSET', key, 's', 'c', 'n', ARGV[2], 'f', ARGV[3], 'i', ARGV[4])
redis.call('HDEL', key, 'l')
redis.call('PEXPIRE', key, ARGV[5])
return 1
";

        /// <summary>
        /// KEYS[1] = the key's hash. ARGV[1] = the token; ARGV[2] = retention in ms.
        /// Marks an in-flight send of this token as of unknown outcome. Returns 1 when marked, 0 otherwise.
        /// </summary>
        public const string IdempotencyMarkUnknown = @"
local key = KEYS[1]
if redis.call('HGET', key, 't') ~= ARGV[1] or redis.call('HGET', key, 's') ~= 'p' then
  return 0
end
redis.call('HSET', key, 's', 'u')
redis.call('PEXPIRE', key, ARGV[2])
return 1
";

        /// <summary>
        /// KEYS[1] = the key's hash. ARGV[1] = the token.
        /// Deletes the key when this token's send holds it in flight (it was certainly not sent). Returns 1 when deleted, 0 otherwise.
        /// </summary>
        public const string IdempotencyRelease = @"
local key = KEYS[1]
if redis.call('HGET', key, 't') ~= ARGV[1] or redis.call('HGET', key, 's') ~= 'p' then
  return 0
end
redis.call('DEL', key)
return 1
";
    }
}
