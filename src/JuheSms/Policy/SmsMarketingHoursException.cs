using System;
using System.Globalization;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// A <see cref="SmsTemplateKind.Marketing"/> message was sent outside the hours the provider's page allows (rule 3:
    /// 08:30–21:30 China Standard Time, UTC+8). Nothing was sent. Send it from <see cref="NextAllowedAt"/> on.
    /// <see cref="JuheSmsException.ErrorCode"/> is 0 (no provider code).
    /// </summary>
    public class SmsMarketingHoursException : JuheSmsException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="attemptedAt">When the send was attempted, in China time.</param>
        /// <param name="nextAllowedAt">When marketing may next be sent, in China time.</param>
        public SmsMarketingHoursException(DateTimeOffset attemptedAt, DateTimeOffset nextAllowedAt)
            : base(FormatMessage(attemptedAt, nextAllowedAt), null)
        {
            AttemptedAt = attemptedAt;
            NextAllowedAt = nextAllowedAt;
        }

        /// <summary>When the send was attempted (offset +08:00).</summary>
        public DateTimeOffset AttemptedAt { get; }

        /// <summary>The next 08:30 China time (offset +08:00), when marketing may be sent again.</summary>
        public DateTimeOffset NextAllowedAt { get; }

        private static string FormatMessage(DateTimeOffset attemptedAt, DateTimeOffset nextAllowedAt)
            => Strings.MarketingHours(
                attemptedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                nextAllowedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
    }
}
