namespace JuheSms.Redis
{
    /// <summary>Settings of <see cref="RedisSmsIdempotencyStore"/>.</summary>
    public sealed class RedisSmsIdempotencyStoreOptions : SmsIdempotencyOptions
    {
        /// <summary>The default <see cref="KeyPrefix"/>: <c>juhesms:idem:</c>.</summary>
        public const string DefaultKeyPrefix = "juhesms:idem:";

        /// <summary>
        /// The start of every key the store writes: one hash per idempotency key, named <c>{KeyPrefix}{key}</c>, which expires
        /// <see cref="SmsIdempotencyOptions.Retention"/> after its last change. Give each application (or provider account) its
        /// own prefix when several share one Redis. Defaults to <see cref="DefaultKeyPrefix"/>.
        /// </summary>
        public string KeyPrefix { get; set; } = DefaultKeyPrefix;

        /// <inheritdoc />
        /// <exception cref="System.ArgumentException"><see cref="SmsIdempotencyOptions.Retention"/> is not positive, or <see cref="KeyPrefix"/> is empty.</exception>
        public override void Validate()
        {
            base.Validate();
            EnsureNotEmpty(KeyPrefix, "RedisSmsIdempotencyStoreOptions.KeyPrefix", nameof(KeyPrefix));
        }
    }
}
