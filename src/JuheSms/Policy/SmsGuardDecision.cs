using System;

namespace JuheSms
{
    /// <summary>The answer of <see cref="ISmsSendGuard.TryReserveAsync"/>: a reservation, or the limit that refused and when it reopens.</summary>
    public sealed class SmsGuardDecision
    {
        private SmsGuardDecision(SmsSendReservation? reservation, SmsSendLimit? refusedBy, DateTimeOffset? retryAt)
        {
            Reservation = reservation;
            RefusedBy = refusedBy;
            RetryAt = retryAt;
        }

        /// <summary>True when the send may go: <see cref="Reservation"/> holds its slot.</summary>
        public bool IsAllowed => Reservation is not null;

        /// <summary>The slot taken, when allowed; null when refused.</summary>
        public SmsSendReservation? Reservation { get; }

        /// <summary>The limit that refused the send (the one that reopens last when several are full); null when allowed.</summary>
        public SmsSendLimit? RefusedBy { get; }

        /// <summary>The earliest time at which every limit allows the number again; null when allowed.</summary>
        public DateTimeOffset? RetryAt { get; }

        /// <summary>An allowed decision.</summary>
        /// <param name="reservation">The slot taken.</param>
        /// <returns>The decision.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="reservation"/> is null.</exception>
        public static SmsGuardDecision Allowed(SmsSendReservation reservation)
            => new SmsGuardDecision(reservation ?? throw new ArgumentNullException(nameof(reservation)), null, null);

        /// <summary>A refusal.</summary>
        /// <param name="refusedBy">The limit that refused.</param>
        /// <param name="retryAt">When the number may be sent to again.</param>
        /// <returns>The decision.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="refusedBy"/> is null.</exception>
        public static SmsGuardDecision Refused(SmsSendLimit refusedBy, DateTimeOffset retryAt)
            => new SmsGuardDecision(null, refusedBy ?? throw new ArgumentNullException(nameof(refusedBy)), retryAt);
    }
}
