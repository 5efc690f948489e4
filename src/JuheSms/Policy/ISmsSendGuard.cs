using System.Threading;
using System.Threading.Tasks;

namespace JuheSms
{
    /// <summary>
    /// Keeps each mobile number under the carriers' frequency limits (the provider's page, rule 2: per number and signature
    /// 1 per minute, 3 per 10 minutes, 4 per hour, 20 per day). <see cref="JuheSmsClient"/> consults it before every send,
    /// after the message is validated and before any network I/O: <see cref="TryReserveAsync"/> checks the limits and takes a
    /// slot in one atomic step; when the provider then definitely refuses the send (a non-zero <c>error_code</c>, which is not
    /// billed), the client gives the slot back with <see cref="ReleaseAsync"/>. A send whose outcome is unknown (time-out,
    /// broken connection, unexpected response) keeps its slot: it may have been delivered.
    /// </summary>
    /// <remarks>
    /// Implementations: <see cref="InMemorySmsSendGuard"/> (one process) and <c>RedisSmsSendGuard</c> in the
    /// <c>JuheSms.Redis</c> package (any number of processes sharing one Redis). Implementations must be thread-safe.
    /// </remarks>
    public interface ISmsSendGuard
    {
        /// <summary>
        /// Atomically checks every limit for <paramref name="signature"/> + <paramref name="mobile"/> and, when all allow it,
        /// records a send now and returns its reservation; otherwise records nothing and says which limit refused and when it reopens.
        /// </summary>
        /// <param name="signature">The signature part of the key (<see cref="JuheSmsOptions.Signature"/>; empty when none is configured).</param>
        /// <param name="mobile">The normalised 11-digit mobile number.</param>
        /// <param name="cancellationToken">Cancels the check.</param>
        /// <returns>The decision.</returns>
        /// <exception cref="SmsGuardUnavailableException">The guard's store could not be reached (and the guard does not fail open).</exception>
        Task<SmsGuardDecision> TryReserveAsync(string signature, string mobile, CancellationToken cancellationToken = default);

        /// <summary>
        /// Gives back a slot taken by <see cref="TryReserveAsync"/> for a send that was definitely not sent (the provider refused it).
        /// Releasing twice, or releasing a reservation that already expired, does nothing.
        /// </summary>
        /// <param name="reservation">The reservation to release.</param>
        /// <param name="cancellationToken">Cancels the release.</param>
        /// <returns>A task that completes when the slot is free again.</returns>
        Task ReleaseAsync(SmsSendReservation reservation, CancellationToken cancellationToken = default);
    }
}
