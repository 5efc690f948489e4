using System;

namespace JuheSms.Internal
{
    /// <summary>
    /// The marketing window of the provider's page (rule 3, "8：30至21:30"), read with both ends inclusive at minute
    /// granularity: 08:30:00 through 21:30:59 China Standard Time (UTC+8, no daylight saving) may send; 21:31:00 may not.
    /// The bounds come from <see cref="SmsRules"/>.
    /// </summary>
    internal static class MarketingHours
    {
        private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(SmsRules.ChinaUtcOffsetHours);

        /// <summary>The instant <paramref name="utcNow"/> in China time.</summary>
        public static DateTimeOffset ToChinaTime(DateTimeOffset utcNow) => utcNow.ToOffset(ChinaOffset);

        /// <summary>True when marketing may be sent at <paramref name="utcNow"/>.</summary>
        public static bool IsAllowed(DateTimeOffset utcNow)
        {
            DateTimeOffset china = ToChinaTime(utcNow);
            int minute = (china.Hour * 60) + china.Minute;
            return minute >= SmsRules.MarketingStartMinuteOfDay && minute <= SmsRules.MarketingEndMinuteOfDay;
        }

        /// <summary>The next start of the window after <paramref name="utcNow"/> (a refused instant), in China time.</summary>
        public static DateTimeOffset NextStart(DateTimeOffset utcNow)
        {
            DateTimeOffset china = ToChinaTime(utcNow);
            var todayStart = new DateTimeOffset(china.Year, china.Month, china.Day, 0, 0, 0, ChinaOffset)
                .AddMinutes(SmsRules.MarketingStartMinuteOfDay);
            return china < todayStart ? todayStart : todayStart.AddDays(1);
        }
    }
}
