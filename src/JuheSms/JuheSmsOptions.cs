using System;

namespace JuheSms
{
    /// <summary>
    /// Settings of <see cref="JuheSmsClient"/>. They are checked (see <see cref="JuheSmsOptionsValidator"/>) and copied the
    /// first time a client sends; changes made to this object after that are not seen by that client.
    /// </summary>
    public sealed class JuheSmsOptions
    {
        /// <summary>The provider's documented endpoint, over HTTPS: <c>https://v.juhe.cn/sms/send</c>.</summary>
        public static readonly Uri DefaultEndpoint = new Uri("https://v.juhe.cn/sms/send");

        /// <summary>The default <see cref="Timeout"/>: 30 seconds.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        /// <summary>The most retries <see cref="MaxRetries"/> may ask for: 5.</summary>
        public const int MaxRetriesLimit = 5;

        /// <summary>
        /// Required. The account's API key (the provider's <c>key</c>). It is sent only in the POST body, never in the URL,
        /// and is never logged.
        /// </summary>
        public string? Key { get; set; }

        /// <summary>
        /// The send endpoint: an absolute <c>http</c> or <c>https</c> URI. Defaults to <see cref="DefaultEndpoint"/>; the page
        /// names <c>http://v.juhe.cn/sms/send</c>, which stays configurable here.
        /// </summary>
        public Uri? Endpoint { get; set; } = DefaultEndpoint;

        /// <summary>
        /// The most time one attempt may take, from sending the request to reading the whole response; must be positive.
        /// Enforced by the client itself (not by <c>HttpClient.Timeout</c>): an attempt gets at least this long, and at most
        /// a 64th of it and 16 ms more (at the default, under half a second), since attempts that start together share one timer.
        /// Defaults to <see cref="DefaultTimeout"/>.
        /// A time-out raises <see cref="JuheSmsTransportException"/> with <see cref="JuheSmsTransportException.IsTimeout"/> set.
        /// </summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>How the template variables are sent. Defaults to <see cref="JuheSms.VariableEncoding.Vars"/> (JSON).</summary>
        public VariableEncoding VariableEncoding { get; set; } = VariableEncoding.Vars;

        /// <summary>
        /// Opt-in, off by default. When true, a send the provider refused with a code for which its page says
        /// "please retry" and which therefore was not sent — <c>205403</c> (network error, please retry) and <c>205409</c>
        /// (system busy, retry later), see <see cref="JuheSmsException.IsRetryable"/> — is sent again, at most
        /// <see cref="MaxRetries"/> times, after <see cref="RetryDelay"/>. Nothing else is ever retried: not a time-out or a
        /// network failure (the provider may have accepted and billed the message), not an unexpected response, and not
        /// another provider code.
        /// </summary>
        public bool RetryOnRetryableErrors { get; set; }

        /// <summary>The most retries when <see cref="RetryOnRetryableErrors"/> is on: 1 to <see cref="MaxRetriesLimit"/>. Defaults to 1.</summary>
        public int MaxRetries { get; set; } = 1;

        /// <summary>The wait before each retry when <see cref="RetryOnRetryableErrors"/> is on: zero up to 5 minutes. Defaults to 2 seconds.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>
        /// Optional. The signature the account's templates are sent under (e.g. <c>【Contoso】</c>). The carriers count their
        /// limits per number and signature, so the send guard (<see cref="ISmsSendGuard"/>) keys its windows on this value
        /// plus the number. Leave it empty when the account has one signature: the guard then keys on the number alone, which is
        /// the same or stricter. An application that sends under several signatures registers one client (and options) per
        /// signature. Never sent to the provider (the signature comes from the approved template).
        /// </summary>
        public string? Signature { get; set; }

        /// <summary>
        /// Whether a <see cref="SmsTemplateKind.Marketing"/> message is refused outside 08:30–21:30 China Standard Time
        /// (the provider's page, rule 3) with <see cref="SmsMarketingHoursException"/>. Defaults to true; turn it off only
        /// when another component enforces the hours.
        /// </summary>
        public bool EnforceMarketingHours { get; set; } = true;
    
        /// <summary>
        /// What to do with a <see cref="SmsTemplateKind.Marketing"/> send that breaks the provider's page, rule 4 (marketing
        /// must not go out singly; China Mobile wants 20 or more numbers in a batch): a message sent on its own, or a
        /// <c>SendManyAsync</c> batch of one number or with 1 to 19 China Mobile numbers. Defaults to
        /// <see cref="SmsMarketingBatchRule.Report"/> (a warning in the log and the <c>juhesms.sms.marketing_rule</c> counter);
        /// <see cref="SmsMarketingBatchRule.Refuse"/> refuses it with <see cref="SmsMarketingBatchException"/>.
        /// </summary>
        public SmsMarketingBatchRule MarketingBatchRule { get; set; } = SmsMarketingBatchRule.Report;
    }
}
