using System.Globalization;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// Rule 4 of the provider's page at run time: a marketing message sent on its own, or a marketing batch with 1 to 19
    /// China Mobile numbers, is reported (log + telemetry) or refused, as <see cref="JuheSmsOptions.MarketingBatchRule"/> says.
    /// A batch without China Mobile numbers is fine (China Unicom and China Telecom set no minimum), except a batch of one
    /// number, which is a single send.
    /// </summary>
    internal static class MarketingBatchRules
    {
        /// <summary>Checks a marketing message (the caller tests <see cref="SmsMessage.Kind"/>).</summary>
        /// <exception cref="SmsMarketingBatchException">The rule is broken and the option says <see cref="SmsMarketingBatchRule.Refuse"/>.</exception>
        public static void Check(SmsMessage message, string mobile, SmsMarketingBatchRule rule, SendContext context, Activity? activity, ILogger logger)
        {
            if (rule == SmsMarketingBatchRule.Off)
            {
                return;
            }

            bool single;
            int chinaMobile;
            bool report;
            if (message.Batch is { } batch)
            {
                (int total, int cm) = batch.Counts;
                single = total == 1;
                chinaMobile = cm;
                if (!single && (cm == 0 || cm >= SmsRules.ChinaMobileMarketingBatchMinimum))
                {
                    return;
                }

                report = batch.TryMarkReported();
            }
            else
            {
                single = true;
                chinaMobile = SmsRules.CarrierOf(mobile) == MobileCarrier.ChinaMobile ? 1 : 0;
                report = true;
            }

            bool refuse = rule == SmsMarketingBatchRule.Refuse;
            if (report)
            {
                Log.MarketingBatchRule(logger, context.MaskedMobile, context.TplId, Describe(single, chinaMobile, CultureInfo.InvariantCulture), refuse);
                SendTelemetry.RecordMarketingRule(activity, context.TplId, single, refuse);
            }

            if (refuse)
            {
                throw new SmsMarketingBatchException(single, chinaMobile);
            }
        }

        /// <summary>The broken rule, in <paramref name="culture"/> (the current UI culture when null; English for the log).</summary>
        public static string Describe(bool single, int chinaMobile, CultureInfo? culture = null)
            => single ? Strings.MarketingSingleSend(culture) : Strings.MarketingBatchTooFewChinaMobile(chinaMobile, SmsRules.ChinaMobileMarketingBatchMinimum, culture);
    }
}
