using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// The client's side of <see cref="ISmsSendGuard"/>: take a slot before the network (or refuse the send), and give it
    /// back only when the send certainly did not happen.
    /// </summary>
    internal static class SendGuardSlot
    {
        /// <summary>Takes a slot for <paramref name="mobile"/>.</summary>
        /// <exception cref="SmsThrottledException">A limit is full; logged and counted.</exception>
        /// <exception cref="SmsGuardUnavailableException">The guard failed (its store could not be reached).</exception>
        public static async Task<SmsSendReservation> TakeAsync(ISmsSendGuard guard, string signature, string mobile, SendContext context, Activity? activity, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
        {
            SmsGuardDecision decision;
            try
            {
                decision = await guard.TryReserveAsync(signature, mobile, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is JuheSmsException))
            {
                throw new SmsGuardUnavailableException(Strings.GuardFailed(ex.Message), ex);
            }

            if (decision.Reservation is { } reservation)
            {
                return reservation;
            }

            SmsSendLimit limit = decision.RefusedBy!;
            DateTimeOffset retryAt = decision.RetryAt ?? timeProvider.GetUtcNow();
            var throttled = new SmsThrottledException(limit, retryAt, context.MaskedMobile, retryAt - timeProvider.GetUtcNow());
            Log.Throttled(logger, context.MaskedMobile, context.TplId, limit.Description, retryAt);
            SendTelemetry.RecordThrottled(activity, context.TplId, context.Kind, limit.Description);
            throw throttled;
        }

        /// <summary>
        /// True when the provider certainly did not send (and did not bill) the message: it answered with a non-zero
        /// <c>error_code</c>, or the request never left. A time-out, a broken connection, an unexpected response or a
        /// cancellation leaves the outcome unknown: the slot is kept.
        /// </summary>
        public static bool WasCertainlyNotSent(Exception ex) => ex switch
        {
            JuheSmsTransportException transport => !transport.RequestMayHaveBeenReceived,
            JuheSmsResponseException => false,
            JuheSmsException provider => provider.ErrorCode != 0,
            _ => false,
        };

        /// <summary>Gives the slot back; a failure to do so is logged, never thrown (the send's own failure is what the caller must see).</summary>
        public static async Task ReleaseAsync(ISmsSendGuard guard, SmsSendReservation reservation, SendContext context, ILogger logger)
        {
            try
            {
                // Not the caller's token: the refusal is final, and a slot left taken would block the number for nothing.
                await guard.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
                Log.SlotReleased(logger, context.MaskedMobile, context.TplId);
            }
            catch (Exception ex)
            {
                // A slot that stays taken only errs on the safe side.
                Log.SlotReleaseFailed(logger, context.MaskedMobile, context.TplId, ex);
            }
        }
    }
}
