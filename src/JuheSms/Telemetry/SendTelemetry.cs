using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JuheSms.Internal
{
    /// <summary>The client's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <see cref="JuheSmsTelemetry.Name"/>).</summary>
    internal static partial class SendTelemetry
    {
        private static readonly string Version = typeof(SendTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        public static readonly ActivitySource Source = new ActivitySource(JuheSmsTelemetry.Name, Version);

        private static readonly Meter Meter = new Meter(JuheSmsTelemetry.Name, Version);

        private static readonly Counter<long> Sent = Meter.CreateCounter<long>(
            JuheSmsTelemetry.SentInstrument, "{message}", "SMS accepted by the provider (error_code 0).");

        private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
            JuheSmsTelemetry.FailedInstrument, "{message}", "SMS sends that failed: refused by the provider, unexpected response or no response.");

        private static readonly Counter<long> Segments = Meter.CreateCounter<long>(
            JuheSmsTelemetry.SegmentsInstrument, "{segment}", "Billed SMS segments (the provider's result.fee).");

        private static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
            JuheSmsTelemetry.ThrottledInstrument, "{message}", "SMS sends refused before the network by the send guard or the marketing hours.");

        private static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
            JuheSmsTelemetry.RequestDurationInstrument, "s", "Duration of each HTTP attempt to the provider.");

        public static Activity? StartSend(SendContext context)
        {
            Activity? activity = Source.StartActivity(JuheSmsTelemetry.SendActivityName, ActivityKind.Client);
            if (activity is not null)
            {
                activity.SetTag(JuheSmsTelemetry.TemplateIdTag, context.TplId);
                activity.SetTag(JuheSmsTelemetry.TemplateKindTag, KindName(context.Kind));
                activity.SetTag(JuheSmsTelemetry.MaskedMobileTag, context.MaskedMobile);
            }

            return activity;
        }

        public static void RecordAccepted(Activity? activity, int tplId, SmsTemplateKind kind, SmsSendResult result, int attempts)
        {
            // Enabled: false while no listener measures the instrument; the tags are then not built at all.
            if (Sent.Enabled || Segments.Enabled)
            {
                var tags = new TagList
                {
                    { JuheSmsTelemetry.TemplateIdTag, tplId },
                    { JuheSmsTelemetry.TemplateKindTag, KindName(kind) },
                };
                Sent.Add(1, tags);
                if (result.Fee > 0)
                {
                    Segments.Add(result.Fee, tags);
                }
            }

            if (activity is not null)
            {
                activity.SetTag(JuheSmsTelemetry.OutcomeTag, "accepted");
                activity.SetTag(JuheSmsTelemetry.SidTag, result.Sid);
                activity.SetTag(JuheSmsTelemetry.FeeTag, result.Fee);
                activity.SetTag(JuheSmsTelemetry.AttemptsTag, attempts);
            }
        }

        public static void RecordFailed(Activity? activity, int tplId, SmsTemplateKind kind, Exception exception, int attempts)
        {
            string outcome = Outcome(exception);
            int errorCode = exception is JuheSmsException j ? j.ErrorCode : 0;
            if (outcome != "canceled")
            {
                Failed.Add(1, new TagList
                {
                    { JuheSmsTelemetry.TemplateIdTag, tplId },
                    { JuheSmsTelemetry.TemplateKindTag, KindName(kind) },
                    { JuheSmsTelemetry.ErrorCodeTag, errorCode },
                    { JuheSmsTelemetry.OutcomeTag, outcome },
                });
            }

            if (activity is not null)
            {
                activity.SetTag(JuheSmsTelemetry.OutcomeTag, outcome);
                activity.SetTag(JuheSmsTelemetry.ErrorCodeTag, errorCode);
                activity.SetTag(JuheSmsTelemetry.AttemptsTag, attempts);
                activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            }
        }

        public static void RecordThrottled(Activity? activity, int tplId, SmsTemplateKind kind, string limit)
        {
            Throttled.Add(1, new TagList
            {
                { JuheSmsTelemetry.TemplateIdTag, tplId },
                { JuheSmsTelemetry.TemplateKindTag, KindName(kind) },
                { JuheSmsTelemetry.LimitTag, limit },
            });

            if (activity is not null)
            {
                activity.SetTag(JuheSmsTelemetry.OutcomeTag, "throttled");
                activity.SetTag(JuheSmsTelemetry.LimitTag, limit);
                activity.SetTag(JuheSmsTelemetry.AttemptsTag, 0);
                activity.SetStatus(ActivityStatusCode.Error, "throttled");
            }
        }

        /// <summary>True while a listener measures <see cref="JuheSmsTelemetry.RequestDurationInstrument"/> (only then is an attempt timed).</summary>
        public static bool MeasuresAttempts => RequestDuration.Enabled;

        public static void RecordAttempt(TimeSpan elapsed, int tplId, Exception? failure)
        {
            if (!RequestDuration.Enabled)
            {
                return;
            }

            RequestDuration.Record(elapsed.TotalSeconds, new TagList
            {
                { JuheSmsTelemetry.TemplateIdTag, tplId },
                { JuheSmsTelemetry.OutcomeTag, failure is null ? "accepted" : Outcome(failure) },
                { JuheSmsTelemetry.ErrorCodeTag, failure is JuheSmsException j ? j.ErrorCode : 0 },
            });
        }

        public static string KindName(SmsTemplateKind kind) => kind switch
        {
            SmsTemplateKind.Verification => "verification",
            SmsTemplateKind.Notification => "notification",
            SmsTemplateKind.Marketing => "marketing",
            _ => "unspecified",
        };

        private static string Outcome(Exception exception) => exception switch
        {
            OperationCanceledException => "canceled",
            JuheSmsTransportException t => t.IsTimeout ? "timeout" : "transport",
            JuheSmsResponseException => "response",
            JuheSmsException j when j.ErrorCode != 0 => "refused",
            _ => "error",
        };
    }
}
