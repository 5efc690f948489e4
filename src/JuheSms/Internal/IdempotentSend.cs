using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// The client's side of <see cref="ISmsIdempotencyStore"/> for one send with a key: take the key before the policy and
    /// the network (or return the first result, or refuse a repeat that may double a send), and record the outcome after:
    /// completed with its result, released when the send certainly did not happen, of unknown outcome otherwise. Made only
    /// for a send that has a key and a store, so a send without one carries nothing of it.
    /// </summary>
    internal sealed class IdempotentSend
    {
        private readonly ISmsIdempotencyStore _store;
        private readonly string _key;
        private SmsIdempotencyLease? _lease;

        public IdempotentSend(ISmsIdempotencyStore store, string key)
        {
            _store = store;
            _key = key;
        }

        /// <summary>
        /// Takes the key and returns null, or returns the first result of a completed key (the send ends there).
        /// (A <see cref="ValueTask{TResult}"/> of <see cref="SmsSendResult"/>, like the attempt's: the client's state machine
        /// then shares one awaiter field between them.)
        /// </summary>
        /// <exception cref="SmsIdempotencyConflictException">An earlier send with the key is in flight or of unknown outcome; logged and counted.</exception>
        /// <exception cref="SmsIdempotencyUnavailableException">The store failed; nothing may be sent.</exception>
        public async ValueTask<SmsSendResult?> BeginAsync(TimeSpan lease, SendContext context, Activity? activity, ILogger logger, CancellationToken cancellationToken)
        {
            SmsIdempotencyDecision decision;
            try
            {
                decision = await _store.TryBeginAsync(_key, lease, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is SmsIdempotencyUnavailableException))
            {
                throw new SmsIdempotencyUnavailableException(ex);
            }

            switch (decision.Status)
            {
                case SmsIdempotencyStatus.Started when decision.Lease is { } taken:
                    _lease = taken;
                    return null;

                case SmsIdempotencyStatus.Completed when decision.Result is { } first:
                    var replay = new SmsSendResult.Replayed(first);
                    Log.IdempotentReplay(logger, context.MaskedMobile, context.TplId, replay.Sid);
                    SendTelemetry.RecordReplayed(activity, context.TplId, context.Kind, replay);
                    return replay;

                case SmsIdempotencyStatus.InFlight:
                case SmsIdempotencyStatus.OutcomeUnknown:
                    bool inFlight = decision.Status == SmsIdempotencyStatus.InFlight;
                    Log.IdempotencyConflict(logger, context.MaskedMobile, context.TplId, inFlight ? "still in flight" : "of unknown outcome");
                    SendTelemetry.RecordIdempotencyConflict(activity, context.TplId, context.Kind, inFlight);
                    throw new SmsIdempotencyConflictException(_key, inFlight);

                default:
                    // A store that says "started" without a lease, or "completed" without a result, cannot be trusted to hold the key.
                    throw new SmsIdempotencyUnavailableException(null);
            }
        }

        /// <summary>
        /// Records an accepted send and returns <paramref name="result"/>; a failure to record is logged, never thrown (the
        /// send happened: the caller gets its result).
        /// </summary>
        public async ValueTask<SmsSendResult> CompleteAsync(SmsSendResult result, SendContext context, ILogger logger)
        {
            try
            {
                // Not the caller's token: the send happened, and its result must be kept for the next repeat.
                await _store.CompleteAsync(_lease!, result, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.IdempotencyRecordFailed(logger, "accepted", context.MaskedMobile, context.TplId, ex);
            }

            return result;
        }

        /// <summary>
        /// Records a send that did not return a result: released when it was certainly not sent (the key may be sent again),
        /// of unknown outcome otherwise. A failure to record is logged, never thrown (the send's own failure is what the caller must see).
        /// </summary>
        public async Task RecordFailureAsync(bool certainlyNotSent, SendContext context, ILogger logger)
        {
            try
            {
                if (certainlyNotSent)
                {
                    await _store.ReleaseAsync(_lease!, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await _store.MarkUnknownAsync(_lease!, CancellationToken.None).ConfigureAwait(false);
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
