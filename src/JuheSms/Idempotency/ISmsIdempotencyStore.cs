using System;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms
{
    /// <summary>
    /// Remembers the outcome of each <see cref="SmsMessage.IdempotencyKey"/>, so that a send repeated by the application
    /// (a redelivered job, a double click, a campaign started again after a crash) is never put on the wire twice.
    /// <see cref="JuheSmsClient"/> uses it in three steps around every send that has a key, each one atomic in the store:
    /// <list type="number">
    /// <item><see cref="TryBeginAsync"/> before anything else: takes the key (state "in flight", with a lease), or says what
    /// an earlier send with the key left behind: its result, "still in flight", or "outcome unknown".</item>
    /// <item>After the send: <see cref="CompleteAsync"/> keeps the provider's result for the retention time;
    /// <see cref="MarkUnknownAsync"/> marks a send that may have been accepted (a time-out after the request went out);
    /// <see cref="ReleaseAsync"/> forgets a send that was certainly not sent (a provider refusal, a request that never left),
    /// so the key may be used again.</item>
    /// </list>
    /// A process that dies between the first and the second step leaves the key in flight; once its lease has run out the
    /// key reads as "outcome unknown" and is never sent again on its own.
    /// </summary>
    /// <remarks>
    /// Implementations: <see cref="InMemorySmsIdempotencyStore"/> (one process; forgotten when it exits) and
    /// <c>RedisSmsIdempotencyStore</c> in the <c>JuheSms.Redis</c> package (shared by processes and machines, and it
    /// survives a crash of the sender). Implementations must be thread-safe, and a store that cannot be reached must throw
    /// (the client then sends nothing: <see cref="SmsIdempotencyUnavailableException"/>).
    /// </remarks>
    public interface ISmsIdempotencyStore
    {
        /// <summary>
        /// Atomically takes <paramref name="key"/> for a new send when no send holds it, or reports the earlier send's state.
        /// </summary>
        /// <param name="key">The idempotency key (at most <see cref="SmsMessage.MaxIdempotencyKeyLength"/> characters).</param>
        /// <param name="lease">How long the new send counts as in flight; after that, a key still not completed reads as
        /// <see cref="SmsIdempotencyStatus.OutcomeUnknown"/>.</param>
        /// <param name="cancellationToken">Cancels the step.</param>
        /// <returns>The decision: <see cref="SmsIdempotencyStatus.Started"/> with a lease, or the earlier send's state.</returns>
        Task<SmsIdempotencyDecision> TryBeginAsync(string key, TimeSpan lease, CancellationToken cancellationToken = default);

        /// <summary>Records the provider's result for the key of <paramref name="lease"/> and keeps it for the retention time.</summary>
        /// <param name="lease">The lease <see cref="TryBeginAsync"/> returned.</param>
        /// <param name="result">The provider's result.</param>
        /// <param name="cancellationToken">Cancels the step.</param>
        /// <returns>A task that completes when the result is recorded.</returns>
        Task CompleteAsync(SmsIdempotencyLease lease, SmsSendResult result, CancellationToken cancellationToken = default);

        /// <summary>Records that the send of <paramref name="lease"/> ended and may have been accepted: the key stays taken, as of unknown outcome.</summary>
        /// <param name="lease">The lease <see cref="TryBeginAsync"/> returned.</param>
        /// <param name="cancellationToken">Cancels the step.</param>
        /// <returns>A task that completes when the state is recorded.</returns>
        Task MarkUnknownAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default);

        /// <summary>Forgets the key of <paramref name="lease"/>: its send was certainly not sent, so the key may be sent again. Does nothing when the key no longer belongs to this lease.</summary>
        /// <param name="lease">The lease <see cref="TryBeginAsync"/> returned.</param>
        /// <param name="cancellationToken">Cancels the step.</param>
        /// <returns>A task that completes when the key is free again.</returns>
        Task ReleaseAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default);
    }
}
