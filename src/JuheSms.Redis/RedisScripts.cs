namespace JuheSms.Redis
{
    /// <summary>The Lua script of <see cref="RedisSmsSendGuard"/>: check every limit and reserve, atomically, in Redis.</summary>
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
    }
}
