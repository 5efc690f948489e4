using System;

namespace JuheSms.Internal
{
    /// <summary>The checks on <see cref="SmsMessage.IdempotencyKey"/> and <see cref="SmsBatchOptions.BatchId"/>.</summary>
    internal static class IdempotencyKeyRules
    {
        /// <summary>What <c>{BatchId}:</c> is followed by in a campaign's key: a normalised 11-digit number.</summary>
        public const int MobileSuffixLength = 1 + 11;

        /// <summary>The longest <see cref="SmsBatchOptions.BatchId"/>: the key <c>{BatchId}:{mobile}</c> must fit.</summary>
        public const int MaxBatchIdLength = SmsMessage.MaxIdempotencyKeyLength - MobileSuffixLength;

        /// <summary>Checks an optional idempotency key: null, or 1 to 200 characters, not all white space, without control characters or lone surrogates.</summary>
        /// <exception cref="ArgumentException">The key is invalid; <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>.</exception>
        public static void EnsureKey(string? key, string parameterName)
        {
            if (key is null)
            {
                return;
            }

            if (key.Trim().Length == 0)
            {
                throw new ArgumentException(Strings.IdempotencyKeyEmpty, parameterName);
            }

            if (key.Length > SmsMessage.MaxIdempotencyKeyLength)
            {
                throw new ArgumentException(Strings.IdempotencyKeyTooLong(key.Length, SmsMessage.MaxIdempotencyKeyLength), parameterName);
            }

            int bad = IndexOfBadChar(key);
            if (bad >= 0)
            {
                throw new ArgumentException(Strings.IdempotencyKeyBadChar(bad, key[bad]), parameterName);
            }
        }

        /// <summary>Checks an optional batch id: null, or 1 to <see cref="MaxBatchIdLength"/> characters, as a key.</summary>
        /// <exception cref="ArgumentException">The id is invalid; <see cref="ArgumentException.ParamName"/> is <c>BatchId</c>.</exception>
        public static void EnsureBatchId(string? batchId)
        {
            const string parameterName = nameof(SmsBatchOptions.BatchId);
            if (batchId is null)
            {
                return;
            }

            if (batchId.Trim().Length == 0)
            {
                throw new ArgumentException(Strings.BatchIdEmpty, parameterName);
            }

            if (batchId.Length > MaxBatchIdLength)
            {
                throw new ArgumentException(Strings.BatchIdTooLong(batchId.Length, MaxBatchIdLength), parameterName);
            }

            int bad = IndexOfBadChar(batchId);
            if (bad >= 0)
            {
                throw new ArgumentException(Strings.BatchIdBadChar(bad, batchId[bad]), parameterName);
            }
        }

        /// <summary>The key of one number of a campaign: <c>{BatchId}:{mobile}</c>, on the normalised number when it is valid.</summary>
        public static string BatchKey(string batchId, string? mobile)
            => batchId + ":" + (SmsRules.TryNormalizeMobile(mobile, out string normalized) ? normalized : mobile);

        private static int IndexOfBadChar(string key)
        {
            for (int i = 0; i < key.Length; i++)
            {
                if (char.IsControl(key[i]))
                {
                    return i;
                }
            }

            return SmsRules.IndexOfLoneSurrogate(key);
        }
    }
}
