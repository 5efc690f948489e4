using System;
using System.Globalization;

namespace JuheSms.Internal
{
    /// <summary>
    /// The English texts of the idempotency, campaign and marketing-batch (rule 4) errors and reports, in one place so they
    /// can move into resources with the client's other messages.
    /// </summary>
    internal static class SafeSendMessages
    {
        public static string Conflict(string key, bool isInFlight) => isInFlight
            ? $"SMS not sent: a send with the idempotency key '{key}' is still in flight (in this or another process). It is not sent twice; wait for it to finish and try again to get its result."
            : $"SMS not sent: an earlier send with the idempotency key '{key}' may have been accepted by the provider (it timed out after the request went out, or its sender stopped mid-send), so it is never sent again under this key. Check the provider's records before sending under a new key.";

        public static string StoreUnavailable(string? detail)
            => "The SMS idempotency store could not be reached, so a repeat of this send could not be ruled out and nothing was sent."
               + (string.IsNullOrEmpty(detail) ? string.Empty : " " + detail);

        public static string InMemoryStoreFull(int maxKeys)
            => $"The in-memory SMS idempotency store already holds its maximum of {maxKeys.ToString(CultureInfo.InvariantCulture)} unexpired keys (InMemorySmsIdempotencyStoreOptions.MaxKeys), so the key could not be recorded and nothing was sent. Raise MaxKeys, shorten Retention, or use RedisSmsIdempotencyStore.";

        public static string RetentionNotPositive(TimeSpan retention)
            => $"SmsIdempotencyOptions.Retention must be positive (it was {retention.ToString("c", CultureInfo.InvariantCulture)}).";

        public static string MaxKeysNotPositive(int maxKeys)
            => $"InMemorySmsIdempotencyStoreOptions.MaxKeys must be at least 1 (it was {maxKeys.ToString(CultureInfo.InvariantCulture)}).";

        public static string SettingEmpty(string setting)
            => $"{setting} cannot be empty.";

        public static string IdempotencyKeyEmpty
            => "SmsMessage.IdempotencyKey cannot be empty or white space; leave it null for a send without a key.";

        public static string IdempotencyKeyTooLong(int length, int max)
            => $"SmsMessage.IdempotencyKey is {length.ToString(CultureInfo.InvariantCulture)} characters long; at most {max.ToString(CultureInfo.InvariantCulture)} are allowed.";

        public static string IdempotencyKeyBadChar(int index, char c)
            => $"SmsMessage.IdempotencyKey holds {SmsRules.DescribeChar(c)} at index {index.ToString(CultureInfo.InvariantCulture)}; control characters and lone surrogates are not allowed.";

        public static string BatchIdEmpty
            => "SmsBatchOptions.BatchId cannot be empty or white space; leave it null for a batch without idempotency keys.";

        public static string BatchIdTooLong(int length, int max)
            => $"SmsBatchOptions.BatchId is {length.ToString(CultureInfo.InvariantCulture)} characters long; at most {max.ToString(CultureInfo.InvariantCulture)} are allowed, so that '{{BatchId}}:{{mobile}}' fits in an idempotency key.";

        public static string BatchIdBadChar(int index, char c)
            => $"SmsBatchOptions.BatchId holds {SmsRules.DescribeChar(c)} at index {index.ToString(CultureInfo.InvariantCulture)}; control characters and lone surrogates are not allowed.";

        public static string MarketingSingleSend
            => "A marketing SMS sent on its own: the provider's page (rule 4) says marketing content must not go out singly, and the carriers' anti-phishing checks may block it. Send marketing with SendManyAsync (China Mobile: 20 or more numbers in one batch).";

        public static string MarketingBatchTooFewChinaMobile(int chinaMobile, int minimum)
            => $"A marketing batch holds {chinaMobile.ToString(CultureInfo.InvariantCulture)} China Mobile numbers: the provider's page (rule 4) asks for {minimum.ToString(CultureInfo.InvariantCulture)} or more in one batch for China Mobile, whose anti-phishing check may block a smaller one.";

        public static string MarketingBatchRuleUndefined(SmsMarketingBatchRule rule)
            => $"JuheSmsOptions.MarketingBatchRule '{rule}' is not one of Report, Refuse, Off.";

        public static string MarketingRefusedSuffix
            => " Nothing was sent (JuheSmsOptions.MarketingBatchRule is Refuse).";
    }
}
