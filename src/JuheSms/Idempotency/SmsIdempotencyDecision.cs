using System;

namespace JuheSms
{
    /// <summary>The answer of <see cref="ISmsIdempotencyStore.TryBeginAsync"/>.</summary>
    public sealed class SmsIdempotencyDecision
    {
        private static readonly SmsIdempotencyDecision InFlightDecision = new SmsIdempotencyDecision(SmsIdempotencyStatus.InFlight, null, null);
        private static readonly SmsIdempotencyDecision OutcomeUnknownDecision = new SmsIdempotencyDecision(SmsIdempotencyStatus.OutcomeUnknown, null, null);

        private SmsIdempotencyDecision(SmsIdempotencyStatus status, SmsIdempotencyLease? lease, SmsSendResult? result)
        {
            Status = status;
            Lease = lease;
            Result = result;
        }

        /// <summary>What the store found.</summary>
        public SmsIdempotencyStatus Status { get; }

        /// <summary>The key taken for this send, when <see cref="Status"/> is <see cref="SmsIdempotencyStatus.Started"/>; null otherwise.</summary>
        public SmsIdempotencyLease? Lease { get; }

        /// <summary>The earlier send's result, when <see cref="Status"/> is <see cref="SmsIdempotencyStatus.Completed"/>; null otherwise.</summary>
        public SmsSendResult? Result { get; }

        /// <summary>The key is now this send's.</summary>
        /// <param name="lease">The lease.</param>
        /// <returns>The decision.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="lease"/> is null.</exception>
        public static SmsIdempotencyDecision Started(SmsIdempotencyLease lease)
            => new SmsIdempotencyDecision(SmsIdempotencyStatus.Started, lease ?? throw new ArgumentNullException(nameof(lease)), null);

        /// <summary>An earlier send with the key was accepted.</summary>
        /// <param name="result">Its result.</param>
        /// <returns>The decision.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
        public static SmsIdempotencyDecision Completed(SmsSendResult result)
            => new SmsIdempotencyDecision(SmsIdempotencyStatus.Completed, null, result ?? throw new ArgumentNullException(nameof(result)));

        /// <summary>An earlier send with the key is in flight.</summary>
        public static SmsIdempotencyDecision InFlight => InFlightDecision;

        /// <summary>An earlier send with the key may have been accepted.</summary>
        public static SmsIdempotencyDecision OutcomeUnknown => OutcomeUnknownDecision;
    }
}
