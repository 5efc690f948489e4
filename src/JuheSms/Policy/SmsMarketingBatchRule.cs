namespace JuheSms
{
    /// <summary>
    /// What the client does with a marketing send that breaks the provider's page, rule 4 (marketing content must not go
    /// out singly; China Mobile wants 20 or more numbers in one batch): <see cref="JuheSmsOptions.MarketingBatchRule"/>.
    /// </summary>
    public enum SmsMarketingBatchRule
    {
        /// <summary>The default: the send goes out, and it is reported through the log (a warning) and telemetry (<c>juhesms.sms.marketing_rule</c>).</summary>
        Report = 0,

        /// <summary>The send is refused before the network with <see cref="SmsMarketingBatchException"/> (and reported as above).</summary>
        Refuse = 1,

        /// <summary>No check (another component applies the rule).</summary>
        Off = 2,
    }
}
