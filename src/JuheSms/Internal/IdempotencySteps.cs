using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// The client's side of <see cref="ISmsIdempotencyStore"/>: take the key before the guard and the network (or return the
    /// first result, or refuse a repeat that may double a send), and record the outcome after: completed with its result,
    /// released when the send certainly did not happen, of unknown outcome otherwise.
    /// </summary>
    internal static class IdempotencySteps
    {
        /// <summary>
        /// Takes <paramref name="key"/>: returns its lease, or (lease null) the first result of a completed key.
        /// </summary>
        /// <exception cref="SmsIdempotencyConflictException">An earlier send with the key is in flight or of unknown outcome; logged and counted.</exception>
        /// <exception cref="SmsIdempotencyUnavailableException">The store failed; nothing may be sent.</exception>
        public static async Task<(SmsIdempotencyLease? Lease, SmsSendResult? Replay)> BeginAsync(
            ISmsIdempotencyStore store, string key, TimeSpan lease, SendContext context, Activity? activity, ILogger logger, CancellationToken cancellationToken)
        {
            SmsIdempotencyDecision decision;
            try
            {
                decision = await store.TryBeginAsync(key, lease, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is SmsIdempotencyUnavailableException))
            {
                throw new SmsIdempotencyUnavailableException(ex);
            }

            switch (decision.Status)
            {
                case SmsIdempotencyStatus.Started when decision.Lease is { } taken:
                    return (taken, null);

                case SmsIdempotencyStatus.Completed when decision.Result is { } first:
                    var replay = new SmsSendResult(first.Count, first.Fee, first.Sid, isReplayed: true);
                    Log.IdempotentReplay(logger, context.MaskedMobile, context.TplId, replay.Sid);
                    SendTelemetry.RecordReplayed(activity, context.TplId, context.Kind, replay);
                    return (null, replay);

                case SmsIdempotencyStatus.InFlight:
                case SmsIdempotencyStatus.OutcomeUnknown:
                    bool inFlight = decision.Status == SmsIdempotencyStatus.InFlight;
                    Log.IdempotencyConflict(logger, context.MaskedMobile, context.TplId, inFlight ? "still in flight" : "of unknown outcome");
                    SendTelemetry.RecordIdempotencyConflict(activity, context.TplId, context.Kind, inFlight);
                    throw new SmsIdempotencyConflictException(key, inFlight);

                default:
                    // A store that says "started" without a lease, or "completed" without a result, cannot be trusted to hold the key.
                    throw new SmsIdempotencyUnavailableException(null);
            }
        }

        /// <summary>Records an accepted send; a failure to do so is logged, never thrown (the send happened: the caller gets its result).</summary>
        public static async Task CompleteAsync(ISmsIdempotencyStore store, SmsIdempotencyLease lease, SmsSendResult result, SendContext context, ILogger logger)
        {
            try
            {
                // Not the caller's token: the send happened, and its result must be kept for the next repeat.
                await store.CompleteAsync(lease, result, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.IdempotencyRecordFailed(logger, "accepted", context.MaskedMobile, context.TplId, ex);
            }
        }

        /// <summary>
        /// Records a send that did not return a result: released when it was certainly not sent (the key may be sent again),
        /// of unknown outcome otherwise. A failure to record is logged, never thrown (the send's own failure is what the caller must see).
        /// </summary>
        public static async Task RecordFailureAsync(ISmsIdempotencyStore store, SmsIdempotencyLease lease, bool certainlyNotSent, SendContext context, ILogger logger)
        {
            try
            {
                if (certainlyNotSent)
                {
                    await store.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await store.MarkUnknownAsync(lease, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                // A key left in flight reads as of unknown outcome once its lease runs out: it errs on the safe side.
                Log.IdempotencyRecordFailed(logger, certainlyNotSent ? "not sent" : "unknown", context.MaskedMobile, context.TplId, ex);
            }
        }
    }
}
