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

        /// <summary>
        /// Optional. Makes the batch a campaign that is safe to run again: each number is sent with the idempotency key
        /// <c>{BatchId}:{mobile}</c> (the normalised number; a message that already has an <see cref="SmsMessage.IdempotencyKey"/>
        /// keeps it), so with an idempotency store a rerun after a crash completes the campaign without a duplicate, and
        /// several workers running the same campaign on one Redis split it between them. A key is taken only when its
        /// number's send starts, so a crash leaves at most <see cref="MaxConcurrency"/> numbers of unknown outcome.
        /// 1 to 188 characters, no control characters (<see cref="ArgumentException"/> naming <c>BatchId</c>). Ignored by a
        /// client without an idempotency store.
        /// </summary>
        public string? BatchId { get; set; }

        internal void Validate()
        {
            JuheSms.Internal.IdempotencyKeyRules.EnsureBatchId(BatchId);
            if (MaxConcurrency < 1 || MaxConcurrency > MaxConcurrencyLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, Strings.BatchMaxConcurrency(MaxConcurrencyLimit));
            }
        }
    }
}
