using System;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>Settings of <see cref="JuheSmsClientBatchExtensions.SendManyAsync(IJuheSmsClient, System.Collections.Generic.IEnumerable{string}, Func{string, SmsMessage}, SmsBatchOptions?, IProgress{SmsBatchProgress}?, System.Threading.CancellationToken)"/>.</summary>
    public sealed class SmsBatchOptions
    {
        /// <summary>The default <see cref="MaxConcurrency"/>: 4.</summary>
        public const int DefaultMaxConcurrency = 4;

        /// <summary>The largest <see cref="MaxConcurrency"/> accepted: 64.</summary>
        public const int MaxConcurrencyLimit = 64;

        /// <summary>How many sends may be in flight at once: 1 to <see cref="MaxConcurrencyLimit"/>. Defaults to <see cref="DefaultMaxConcurrency"/>.</summary>
        public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

        internal void Validate()
        {
            if (MaxConcurrency < 1 || MaxConcurrency > MaxConcurrencyLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, Strings.BatchMaxConcurrency(MaxConcurrencyLimit));
            }
        }
    }
}
