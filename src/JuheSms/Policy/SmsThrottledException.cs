using System;
using System.Globalization;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// The send guard (<see cref="ISmsSendGuard"/>) refused a send: one more message to this number would break a carrier
    /// frequency limit. Nothing was sent and nothing was billed; <see cref="RetryAt"/> says when the number may be sent to
    /// again. <see cref="JuheSmsException.ErrorCode"/> is 0 (no provider code).
    /// </summary>
    public class SmsThrottledException : JuheSmsException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="limit">The limit that refused the send.</param>
        /// <param name="retryAt">When the number may be sent to again.</param>
        /// <param name="maskedMobile">The number, masked (<c>138****8000</c>).</param>
        /// <param name="retryAfter">How long from now until <paramref name="retryAt"/> (never negative).</param>
        /// <exception cref="ArgumentNullException"><paramref name="limit"/> is null.</exception>
        public SmsThrottledException(SmsSendLimit limit, DateTimeOffset retryAt, string maskedMobile, TimeSpan retryAfter)
            : base(FormatMessage(limit, retryAt, maskedMobile, retryAfter), null)
        {
            Limit = limit;
            RetryAt = retryAt;
            MaskedMobile = maskedMobile ?? string.Empty;
            RetryAfter = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
        }

        /// <summary>The limit (window) that refused the send, e.g. <c>1 per minute</c>.</summary>
        public SmsSendLimit Limit { get; }

        /// <summary>When the number may be sent to again (when every limit allows it).</summary>
        public DateTimeOffset RetryAt { get; }

        /// <summary>How long to wait before <see cref="RetryAt"/>, from the moment of the refusal; e.g. for an HTTP <c>Retry-After</c>.</summary>
        public TimeSpan RetryAfter { get; }

        /// <summary>The number, masked (<c>138****8000</c>).</summary>
        public string MaskedMobile { get; }

        private static string FormatMessage(SmsSendLimit limit, DateTimeOffset retryAt, string? maskedMobile, TimeSpan retryAfter)
        {
            if (limit is null)
            {
                throw new ArgumentNullException(nameof(limit));
            }

            double seconds = Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds));
            return Strings.Throttled(
                maskedMobile,
                limit.Describe(CultureInfo.CurrentUICulture),
                retryAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                seconds.ToString(CultureInfo.InvariantCulture));
        }
    }
}
