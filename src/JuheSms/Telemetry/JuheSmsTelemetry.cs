namespace JuheSms
{
    /// <summary>
    /// The names of the client's traces and metrics, for OpenTelemetry: <c>.AddSource(JuheSmsTelemetry.Name)</c> and
    /// <c>.AddMeter(JuheSmsTelemetry.Name)</c> (both <c>"JuheSms"</c>). No tag ever holds the API key, the template
    /// variables or a full mobile number (traces carry the masked number only). See <c>docs/telemetry.md</c>.
    /// </summary>
    public static class JuheSmsTelemetry
    {
        /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>JuheSms</c>.</summary>
        public const string Name = "JuheSms";

        /// <summary>The activity of one <see cref="IJuheSmsClient.SendAsync"/> call (kind Client): <c>JuheSms.Send</c>.</summary>
        public const string SendActivityName = "JuheSms.Send";

        /// <summary>Counter of messages the provider accepted (<c>error_code</c> 0): <c>juhesms.sms.sent</c>.</summary>
        public const string SentInstrument = "juhesms.sms.sent";

        /// <summary>Counter of failed sends (provider refusal, unexpected response, no response), tagged with the error code: <c>juhesms.sms.failed</c>.</summary>
        public const string FailedInstrument = "juhesms.sms.failed";

        /// <summary>Counter of billed segments (the provider's <c>result.fee</c>): <c>juhesms.sms.segments</c>.</summary>
        public const string SegmentsInstrument = "juhesms.sms.segments";

        /// <summary>Counter of sends refused before the network by the send guard or the marketing hours: <c>juhesms.sms.throttled</c>.</summary>
        public const string ThrottledInstrument = "juhesms.sms.throttled";

        /// <summary>Histogram of the duration of each HTTP attempt, in seconds: <c>juhesms.request.duration</c>.</summary>
        public const string RequestDurationInstrument = "juhesms.request.duration";

        /// <summary>Tag: the template id (<c>tpl_id</c>), an integer: <c>juhesms.template_id</c>.</summary>
        public const string TemplateIdTag = "juhesms.template_id";

        /// <summary>Tag: the template kind (<c>unspecified</c>, <c>verification</c>, <c>notification</c>, <c>marketing</c>): <c>juhesms.template_kind</c>.</summary>
        public const string TemplateKindTag = "juhesms.template_kind";

        /// <summary>Tag: the provider's <c>error_code</c> (0 when the failure carried none): <c>juhesms.error_code</c>.</summary>
        public const string ErrorCodeTag = "juhesms.error_code";

        /// <summary>Tag: how a send or an attempt ended: <c>accepted</c>, <c>refused</c>, <c>response</c> (unexpected answer), <c>timeout</c>, <c>transport</c>, <c>canceled</c>: <c>juhesms.outcome</c>.</summary>
        public const string OutcomeTag = "juhesms.outcome";

        /// <summary>Tag of <see cref="ThrottledInstrument"/>: the limit that refused (e.g. <c>1 per minute</c>) or <c>marketing hours</c>: <c>juhesms.limit</c>.</summary>
        public const string LimitTag = "juhesms.limit";

        /// <summary>Activity tag: the masked mobile number (<c>138****8000</c>): <c>juhesms.mobile_masked</c>.</summary>
        public const string MaskedMobileTag = "juhesms.mobile_masked";

        /// <summary>Activity tag: the provider's message id: <c>juhesms.sid</c>.</summary>
        public const string SidTag = "juhesms.sid";

        /// <summary>Activity tag: the billed segments: <c>juhesms.fee</c>.</summary>
        public const string FeeTag = "juhesms.fee";

        /// <summary>Activity tag: the HTTP attempts made: <c>juhesms.attempts</c>.</summary>
        public const string AttemptsTag = "juhesms.attempts";

        /// <summary>The <see cref="LimitTag"/> value of a marketing send refused outside 08:30–21:30 China time: <c>marketing hours</c>.</summary>
        public const string MarketingHoursLimit = "marketing hours";
    
        /// <summary>Counter of sends answered with the first result of their idempotency key, without a request: <c>juhesms.sms.replayed</c>.</summary>
        public const string ReplayedInstrument = "juhesms.sms.replayed";

        /// <summary>Counter of sends not made because an earlier send with their idempotency key is in flight or of unknown outcome: <c>juhesms.sms.idempotency_conflicts</c>.</summary>
        public const string IdempotencyConflictsInstrument = "juhesms.sms.idempotency_conflicts";

        /// <summary>Counter of marketing sends that break the provider's rule 4 (sent singly, or a batch with fewer than 20 China Mobile numbers): <c>juhesms.sms.marketing_rule</c>.</summary>
        public const string MarketingRuleInstrument = "juhesms.sms.marketing_rule";

        /// <summary>Tag of <see cref="IdempotencyConflictsInstrument"/>: <c>in_flight</c> or <c>unknown</c>: <c>juhesms.idempotency_state</c>.</summary>
        public const string IdempotencyStateTag = "juhesms.idempotency_state";

        /// <summary>Tag of <see cref="MarketingRuleInstrument"/>: <c>single</c> (a marketing message sent on its own) or <c>batch</c>: <c>juhesms.marketing_send</c>.</summary>
        public const string MarketingSendTag = "juhesms.marketing_send";

        /// <summary>Activity tag of a send that broke rule 4: <c>reported</c> or <c>refused</c>: <c>juhesms.marketing_rule</c>.</summary>
        public const string MarketingRuleTag = "juhesms.marketing_rule";
    }
}
