using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// What a send that did not return a result leaves behind, put right in one step: the guard slot given back and the
    /// idempotency key freed when the send certainly did not happen, the key marked of unknown outcome otherwise (the
    /// slot then stays counted). Neither ever throws: the send's own failure is what the caller must see.
    /// </summary>
    internal static class FailedSendRecords
    {
        public static async Task RecordAsync(ISmsSendGuard? guard, SmsSendReservation? reservation, IdempotentSend? keyed, bool certainlyNotSent, SendContext context, ILogger logger)
        {
            if (keyed is not null)
            {
                await keyed.RecordFailureAsync(certainlyNotSent, context, logger).ConfigureAwait(false);
            }

            if (reservation is not null && certainlyNotSent)
            {
                await SendGuardSlot.ReleaseAsync(guard!, reservation, context, logger).ConfigureAwait(false);
            }
        }
    }
}
