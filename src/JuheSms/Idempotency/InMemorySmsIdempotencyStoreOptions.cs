using System;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>Settings of <see cref="InMemorySmsIdempotencyStore"/>.</summary>
    public sealed class InMemorySmsIdempotencyStoreOptions : SmsIdempotencyOptions
    {
        /// <summary>The default <see cref="MaxKeys"/>: 100,000.</summary>
        public const int DefaultMaxKeys = 100_000;

        /// <summary>
        /// The most keys held at once (the store's memory bound). When it is full and no key has expired, a new key is refused
        /// with <see cref="SmsIdempotencyUnavailableException"/> and nothing is sent: forgetting a key early could let a repeat
        /// through. Defaults to <see cref="DefaultMaxKeys"/>; large campaigns belong in <c>RedisSmsIdempotencyStore</c>.
        /// </summary>
        public int MaxKeys { get; set; } = DefaultMaxKeys;

        /// <inheritdoc />
        /// <exception cref="ArgumentException"><see cref="SmsIdempotencyOptions.Retention"/> or <see cref="MaxKeys"/> is not positive.</exception>
        public override void Validate()
        {
            base.Validate();
            if (MaxKeys < 1)
            {
                throw new ArgumentException(Strings.IdempotencyMaxKeysNotPositive(MaxKeys), nameof(MaxKeys));
            }
        }
    }
}
