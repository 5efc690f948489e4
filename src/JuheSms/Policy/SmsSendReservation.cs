using System;

namespace JuheSms
{
    /// <summary>A slot taken by <see cref="ISmsSendGuard.TryReserveAsync"/>: one send counted against the limits of one number.</summary>
    public sealed class SmsSendReservation
    {
        /// <summary>Creates a reservation (for <see cref="ISmsSendGuard"/> implementations).</summary>
        /// <param name="signature">The signature part of the key.</param>
        /// <param name="mobile">The normalised mobile number.</param>
        /// <param name="id">An id unique among the reservations of this key, used to release it.</param>
        /// <param name="reservedAt">When the send was counted.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public SmsSendReservation(string signature, string mobile, string id, DateTimeOffset reservedAt)
        {
            Signature = signature ?? throw new ArgumentNullException(nameof(signature));
            Mobile = mobile ?? throw new ArgumentNullException(nameof(mobile));
            Id = id ?? throw new ArgumentNullException(nameof(id));
            ReservedAt = reservedAt;
        }

        /// <summary>The signature part of the key.</summary>
        public string Signature { get; }

        /// <summary>The normalised mobile number.</summary>
        public string Mobile { get; }

        /// <summary>The reservation's id, unique among the reservations of its key.</summary>
        public string Id { get; }

        /// <summary>When the send was counted.</summary>
        public DateTimeOffset ReservedAt { get; }
    }
}
