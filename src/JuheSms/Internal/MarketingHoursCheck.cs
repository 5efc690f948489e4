using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>Refuses a marketing send outside <see cref="MarketingHours"/>, before the guard and the network: logged, counted, thrown.</summary>
    internal static class MarketingHoursCheck
    {
        /// <exception cref="SmsMarketingHoursException">It is outside 08:30–21:30 China time now.</exception>
        public static void Ensure(TimeProvider timeProvider, ILogger logger, SendContext context, Activity? activity)
        {
            DateTimeOffset now = timeProvider.GetUtcNow();
            if (MarketingHours.IsAllowed(now))
            {
                return;
            }

            var refusal = new SmsMarketingHoursException(MarketingHours.ToChinaTime(now), MarketingHours.NextStart(now));
            Log.MarketingHoursRefused(logger, context.MaskedMobile, context.TplId, refusal.AttemptedAt, refusal.NextAllowedAt);
            SendTelemetry.RecordThrottled(activity, context.TplId, context.Kind, JuheSmsTelemetry.MarketingHoursLimit);
            throw refusal;
        }
    }
}
