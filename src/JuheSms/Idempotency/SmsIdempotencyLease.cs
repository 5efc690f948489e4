using System;

namespace JuheSms
{
    /// <summary>A key taken by <see cref="ISmsIdempotencyStore.TryBeginAsync"/> for one send; the token proves which send holds it.</summary>
    public sealed class SmsIdempotencyLease
    {
        /// <summary>Creates a lease (for <see cref="ISmsIdempotencyStore"/> implementations).</summary>
        /// <param name="key">The idempotency key.</param>
        /// <param name="token">A value unique to this send, so that only it can complete or release the key.</param>
        /// <param name="expiresAt">When the send stops counting as in flight.</param>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="token"/> is null.</exception>
        public SmsIdempotencyLease(string key, string token, DateTimeOffset expiresAt)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Token = token ?? throw new ArgumentNullException(nameof(token));
            ExpiresAt = expiresAt;
        }

        /// <summary>The idempotency key.</summary>
        public string Key { get; }

        /// <summary>The value unique to this send.</summary>
        public string Token { get; }

        /// <summary>When the send stops counting as in flight (after it, an unfinished key reads as <see cref="SmsIdempotencyStatus.OutcomeUnknown"/>).</summary>
        public DateTimeOffset ExpiresAt { get; }
    }
}
