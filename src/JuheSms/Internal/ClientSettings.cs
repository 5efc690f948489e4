using System;

namespace JuheSms.Internal
{
    /// <summary>
    /// A checked copy of <see cref="JuheSmsOptions"/>, taken by <see cref="JuheSmsClient"/> on its first send and used by
    /// every send after it: later changes to the options object do not reach a client that has sent.
    /// </summary>
    internal sealed class ClientSettings
    {
        private ClientSettings(JuheSmsOptions options)
        {
            KeyField = SmsRequestWriter.EncodeKeyField(options.Key!);
            Endpoint = options.Endpoint!;
            Timeout = options.Timeout;
            Deadlines = new AttemptDeadlines(Timeout);
            VariableEncoding = options.VariableEncoding;
            MaxRetries = options.RetryOnRetryableErrors ? options.MaxRetries : 0;
            RetryDelay = options.RetryDelay;
            Signature = string.IsNullOrWhiteSpace(options.Signature) ? string.Empty : options.Signature!.Trim();
            EnforceMarketingHours = options.EnforceMarketingHours;
            MarketingBatchRule = options.MarketingBatchRule;

            // Every attempt's time-out and the delays between them, plus the store's and the guard's round trips: while
            // it lasts a repeat of the key reads as in flight, after it as of unknown outcome (never as free).
            IdempotencyLease = TimeSpan.FromTicks((Timeout.Ticks * (MaxRetries + 1)) + (RetryDelay.Ticks * MaxRetries)) + IdempotencyLeaseMargin;
        }

        /// <summary>What an idempotency lease adds to the attempts' time for the store and guard round trips.</summary>
        public static readonly TimeSpan IdempotencyLeaseMargin = TimeSpan.FromSeconds(2);

        /// <summary>The guard's key part; empty when none is configured.</summary>
        public string Signature { get; }

        public bool EnforceMarketingHours { get; }

        /// <summary><c>key=</c> and the form-encoded key: the same for every send, so encoded once.</summary>
        public byte[] KeyField { get; }

        public Uri Endpoint { get; }

        /// <summary>The time-out of each attempt.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>The shared time-outs of this client's attempts on the system clock (<see cref="AttemptDeadlines"/>).</summary>
        public AttemptDeadlines Deadlines { get; }

        public VariableEncoding VariableEncoding { get; }

        /// <summary>0 unless <see cref="JuheSmsOptions.RetryOnRetryableErrors"/> is on.</summary>
        public int MaxRetries { get; }

        public TimeSpan RetryDelay { get; }

        public SmsMarketingBatchRule MarketingBatchRule { get; }

        /// <summary>How long a send's idempotency key counts as in flight.</summary>
        public TimeSpan IdempotencyLease { get; }

        /// <summary>Checks <paramref name="options"/> and copies them.</summary>
        /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message names the setting.</exception>
        public static ClientSettings From(JuheSmsOptions options)
        {
            // IOptions<T>.Value runs the registered validators (and throws OptionsValidationException) itself;
            // this check also covers options built without them.
            JuheSmsOptionsValidator.ThrowIfInvalid(options);
            return new ClientSettings(options);
        }
    }
}
