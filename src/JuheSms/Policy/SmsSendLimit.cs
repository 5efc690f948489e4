using System;
using System.Collections.Generic;
using System.Globalization;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// One sliding-window limit: at most <see cref="MaxSends"/> sends to one number (and signature) within any
    /// <see cref="Window"/>. A send made at time <c>t</c> counts while <c>now - t &lt; Window</c>, so a "1 per minute" limit
    /// allows the next send exactly one minute after the previous one.
    /// </summary>
    public sealed class SmsSendLimit : IEquatable<SmsSendLimit>
    {
        /// <summary>Creates a limit.</summary>
        /// <param name="maxSends">The most sends within the window: at least 1.</param>
        /// <param name="window">The window: at least one millisecond, at most 366 days.</param>
        /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
        public SmsSendLimit(int maxSends, TimeSpan window)
        {
            if (maxSends < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSends), maxSends, Strings.LimitMaxSendsTooSmall);
            }

            if (window < TimeSpan.FromMilliseconds(1) || window > TimeSpan.FromDays(366))
            {
                throw new ArgumentOutOfRangeException(nameof(window), window, Strings.LimitWindowOutOfRange);
            }

            MaxSends = maxSends;
            Window = window;
        }

        /// <summary>
        /// The carriers' limits from the provider's page (rule 2), per number and signature: 1 per minute, 3 per 10 minutes,
        /// 4 per hour, 20 per day (a sliding 24 hours).
        /// </summary>
        public static IReadOnlyList<SmsSendLimit> CarrierDefaults { get; } = new[]
        {
            new SmsSendLimit(1, TimeSpan.FromMinutes(1)),
            new SmsSendLimit(3, TimeSpan.FromMinutes(10)),
            new SmsSendLimit(4, TimeSpan.FromHours(1)),
            new SmsSendLimit(20, TimeSpan.FromDays(1)),
        };

        /// <summary>The most sends within <see cref="Window"/>.</summary>
        public int MaxSends { get; }

        /// <summary>The sliding window.</summary>
        public TimeSpan Window { get; }

        /// <summary>A short description, e.g. <c>3 per 10 minutes</c>; also the value of the <c>juhesms.limit</c> telemetry tag.</summary>
        public string Description => Describe(CultureInfo.InvariantCulture);

        /// <inheritdoc />
        public bool Equals(SmsSendLimit? other) => other is not null && other.MaxSends == MaxSends && other.Window == Window;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as SmsSendLimit);

        /// <inheritdoc />
        public override int GetHashCode() => (MaxSends * 397) ^ Window.GetHashCode();

        /// <inheritdoc />
        public override string ToString() => Description;

        /// <summary>
        /// The description in <paramref name="culture"/> (<see cref="Description"/> is the invariant, English one; an exception
        /// message uses the current UI culture's).
        /// </summary>
        internal string Describe(CultureInfo culture)
        {
            (string name, long count) = DescribeWindow(Window);
            return Strings.Format(culture, name, MaxSends.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>The resource that names the window (<c>LimitPer...</c>, filled with the sends and the count of units) and that count.</summary>
        private static (string Name, long Count) DescribeWindow(TimeSpan window)
        {
            if (window == TimeSpan.FromDays(1))
            {
                return ("LimitPerDay", 1);
            }

            if (window == TimeSpan.FromHours(1))
            {
                return ("LimitPerHour", 1);
            }

            if (window == TimeSpan.FromMinutes(1))
            {
                return ("LimitPerMinute", 1);
            }

            if (window.Ticks % TimeSpan.TicksPerDay == 0)
            {
                return ("LimitPerDays", (long)window.TotalDays);
            }

            if (window.Ticks % TimeSpan.TicksPerHour == 0)
            {
                return ("LimitPerHours", (long)window.TotalHours);
            }

            if (window.Ticks % TimeSpan.TicksPerMinute == 0)
            {
                return ("LimitPerMinutes", (long)window.TotalMinutes);
            }

            if (window.Ticks % TimeSpan.TicksPerSecond == 0)
            {
                long seconds = (long)window.TotalSeconds;
                return (seconds == 1 ? "LimitPerSecond" : "LimitPerSeconds", seconds);
            }

            long milliseconds = (long)window.TotalMilliseconds;
            return (milliseconds == 1 ? "LimitPerMillisecond" : "LimitPerMilliseconds", milliseconds);
        }
    }
}
