using System;

namespace JuheSms
{
    /// <summary>The outcome of one number of a batch: the provider's result, or the error that stopped it.</summary>
    public sealed class SmsBatchItemResult
    {
        internal SmsBatchItemResult(int index, string? mobile, SmsSendResult? result, Exception? error)
        {
            Index = index;
            Mobile = mobile;
            Result = result;
            Error = error;
        }

        /// <summary>The position of the number in the input.</summary>
        public int Index { get; }

        /// <summary>The number as given in the input (may be invalid, or null when the input held null).</summary>
        public string? Mobile { get; }

        /// <summary>True when the provider accepted the message (<see cref="Result"/> is set).</summary>
        public bool Succeeded => Result is not null;

        /// <summary>The provider's answer when accepted; null otherwise.</summary>
        public SmsSendResult? Result { get; }

        /// <summary>The provider's message id when accepted; null otherwise.</summary>
        public string? Sid => Result?.Sid;

        /// <summary>
        /// Why the number failed, or null when it succeeded: an <see cref="ArgumentException"/> (a bad number or message;
        /// not sent), <see cref="SmsThrottledException"/>, <see cref="SmsMarketingHoursException"/>,
        /// <see cref="SmsMarketingBatchException"/>, with a <see cref="SmsBatchOptions.BatchId"/>
        /// <see cref="SmsIdempotencyConflictException"/> (the number is being sent by another worker, or an earlier run's send
        /// of it may have been accepted) or <see cref="SmsIdempotencyUnavailableException"/>, a
        /// <see cref="JuheSmsException"/> from the provider or the transport, or an <see cref="OperationCanceledException"/>
        /// for a number not sent because the batch was canceled.
        /// </summary>
        public Exception? Error { get; }

        /// <inheritdoc />
        public override string ToString()
            => Succeeded ? $"#{Index}: {Result}" : $"#{Index}: {Error?.GetType().Name}: {Error?.Message}";
    }
}
