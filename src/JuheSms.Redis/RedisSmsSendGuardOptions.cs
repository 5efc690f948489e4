namespace JuheSms.Redis
{
    /// <summary>Settings of <see cref="RedisSmsSendGuard"/>.</summary>
    public sealed class RedisSmsSendGuardOptions : SmsSendGuardOptions
    {
        /// <summary>The default <see cref="KeyPrefix"/>: <c>juhesms:guard:</c>.</summary>
        public const string DefaultKeyPrefix = "juhesms:guard:";

        /// <summary>
        /// The start of every key the guard writes: one sorted set per signature + number, named
        /// <c>{KeyPrefix}{signature}:{mobile}</c>, which expires after the longest window. Give each application (or each
        /// provider account) its own prefix when several share one Redis. Defaults to <see cref="DefaultKeyPrefix"/>.
        /// </summary>
        public string KeyPrefix { get; set; } = DefaultKeyPrefix;

        /// <summary>
        /// What to do when Redis cannot be reached or does not answer in time. False (the default): the send is refused with
        /// <see cref="SmsGuardUnavailableException"/> — nothing is sent while the limits cannot be checked, so no number is
        /// ever pushed over the carriers' limits. True ("fail open"): the send goes through unchecked and uncounted, and a
        /// warning is logged — sends keep flowing during a Redis outage, at the risk of breaking the limits for its duration.
        /// A Redis error that is not about reaching it (for example a key of the wrong type) always throws.
        /// </summary>
        public bool FailOpen { get; set; }
    }
}
