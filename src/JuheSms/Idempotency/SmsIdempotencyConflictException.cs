using System;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// A send with this <see cref="SmsMessage.IdempotencyKey"/> may already have been accepted by the provider, so this one
    /// was not sent: the earlier send is still in flight (<see cref="IsInFlight"/>, in this or another process), or it ended
    /// without a certain outcome (a time-out after the request went out, a sender that died mid-send). Nothing was sent now;
    /// the key is never sent again on its own. Check the provider's records before sending under a new key.
    /// <see cref="JuheSmsException.ErrorCode"/> is 0 (no provider code).
    /// </summary>
    public class SmsIdempotencyConflictException : JuheSmsException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="key">The idempotency key.</param>
        /// <param name="isInFlight">True when the earlier send is still in flight; false when its outcome is unknown.</param>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public SmsIdempotencyConflictException(string key, bool isInFlight)
            : base(Strings.IdempotencyConflict(key ?? throw new ArgumentNullException(nameof(key)), isInFlight), null)
        {
            Key = key;
            IsInFlight = isInFlight;
        }

        /// <summary>The idempotency key.</summary>
        public string Key { get; }

        /// <summary>True when the earlier send is still in flight (its lease has not run out).</summary>
        public bool IsInFlight { get; }

        /// <summary>True when the earlier send ended, or its sender died, without a certain outcome: it may have been accepted and billed.</summary>
        public bool IsOutcomeUnknown => !IsInFlight;

        /// <summary>The store's state of the key: <see cref="SmsIdempotencyStatus.InFlight"/> or <see cref="SmsIdempotencyStatus.OutcomeUnknown"/>.</summary>
        public SmsIdempotencyStatus Status => IsInFlight ? SmsIdempotencyStatus.InFlight : SmsIdempotencyStatus.OutcomeUnknown;
    }
}
