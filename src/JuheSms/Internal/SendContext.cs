namespace JuheSms.Internal
{
    /// <summary>What every log event and metric of one send names; the masked mobile is computed on first use only.</summary>
    internal sealed class SendContext
    {
        private readonly string _mobile;
        private string? _maskedMobile;

        public SendContext(string mobile, int tplId, SmsTemplateKind kind)
        {
            _mobile = mobile;
            TplId = tplId;
            Kind = kind;
        }

        public SmsTemplateKind Kind { get; }

        public int TplId { get; }

        /// <summary>The normalised mobile (for the policy steps; never logged).</summary>
        public string Mobile => _mobile;

        /// <summary>The mobile as logs and telemetry may show it (<c>138****8000</c>).</summary>
        public string MaskedMobile => _maskedMobile ??= SmsRules.MaskMobile(_mobile);
    }
}
