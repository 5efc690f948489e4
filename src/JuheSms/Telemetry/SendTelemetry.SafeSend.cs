using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JuheSms.Internal
{
    /// <summary>The instruments of idempotent sends and of rule 4, on the client's <see cref="Meter"/>.</summary>
    internal static partial class SendTelemetry
    {
        private static readonly Counter<long> Replayed = Meter.CreateCounter<long>(
            JuheSmsTelemetry.ReplayedInstrument, "{message}", "SMS sends answered with the first result of their idempotency key, without a request.");

        private static readonly Counter<long> IdempotencyConflicts = Meter.CreateCounter<long>(
            JuheSmsTelemetry.IdempotencyConflictsInstrument, "{message}", "SMS sends not made because an earlier send with their idempotency key is in flight or of unknown outcome.");

        private static readonly Counter<long> MarketingRule = Meter.CreateCounter<long>(
            JuheSmsTelemetry.MarketingRuleInstrument, "{message}", "Marketing sends that break the provider's rule 4 (sent singly, or a batch with fewer than 20 China Mobile numbers).");

        public static void RecordReplayed(Activity? activity, int tplId, SmsTemplateKind kind, SmsSendResult result)
        {
            Replayed.Add(1, new TagList
            {
                { JuheSmsTelemetry.TemplateIdTag, tplId },
                { JuheSmsTelemetry.TemplateKindTag, KindName(kind) },
            });

            if (activity is not null)
            {
                activity.SetTag(JuheSmsTelemetry.OutcomeTag, "replayed");
                activity.SetTag(JuheSmsTelemetry.SidTag, result.Sid);
                activity.SetTag(JuheSmsTelemetry.AttemptsTag, 0);
            }
        }

        public static void RecordIdempotencyConflict(Activity? activity, int tplId, SmsTemplateKind kind, bool inFlight)
        {
            string state = inFlight ? "in_flight" : "unknown";
            IdempotencyConflicts.Add(1, new TagList
            {
                { JuheSmsTelemetry.TemplateIdTag, tplId },
                { JuheSmsTelemetry.TemplateKindTag, KindName(kind) },
                { JuheSmsTelemetry.IdempotencyStateTag, state },
            });

            if (activity is not null)
            {
                activity.SetTag(JuheSmsTelemetry.OutcomeTag, "conflict");
                activity.SetTag(JuheSmsTelemetry.IdempotencyStateTag, state);
                activity.SetTag(JuheSmsTelemetry.AttemptsTag, 0);
                activity.SetStatus(ActivityStatusCode.Error, "idempotency conflict");
            }
        }

        public static void RecordMarketingRule(Activity? activity, int tplId, bool single, bool refused)
        {
            string send = single ? "single" : "batch";
            string outcome = refused ? "refused" : "reported";
            MarketingRule.Add(1, new TagList
            {
                { JuheSmsTelemetry.TemplateIdTag, tplId },
                { JuheSmsTelemetry.MarketingSendTag, send },
                { JuheSmsTelemetry.OutcomeTag, outcome },
            });

            if (activity is not null)
            {
                activity.SetTag(JuheSmsTelemetry.MarketingSendTag, send);
                activity.SetTag(JuheSmsTelemetry.MarketingRuleTag, outcome);
            }
        }
    }
}
