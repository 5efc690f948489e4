namespace JuheSms.Sample.Web
{
    /// <summary>The sample's own settings (section "Sample").</summary>
    public sealed class SampleOptions
    {
        /// <summary>The approved verification template, with a #code# placeholder. The sandbox registers it as id 1.</summary>
        public int CodeTemplateId { get; set; } = 1;

        /// <summary>Requests to POST /sms/code allowed per client IP per window.</summary>
        public int PerIpPermitLimit { get; set; } = 5;

        /// <summary>The per-IP window, in seconds.</summary>
        public int PerIpWindowSeconds { get; set; } = 60;
    }
}
