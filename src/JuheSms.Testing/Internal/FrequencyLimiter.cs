using System;
using System.Collections.Generic;

namespace JuheSms.Testing.Internal
{
    /// <summary>
    /// The carriers' limits for one number and one signature (page, rule 2): 1 per minute, 3 per 10 minutes,
    /// 4 per hour, 20 per day. Sliding windows: a send at <c>t</c> counts against a window <c>W</c> while
    /// <c>now - t &lt; W</c>, so exactly one minute after a send the next one is allowed again.
    /// "A day" is taken as a sliding 24 hours. Not thread-safe: the sandbox calls it under its lock.
    /// </summary>
    internal sealed class FrequencyLimiter
    {
        private static readonly (TimeSpan Window, int Max)[] Limits =
        {
            (TimeSpan.FromMinutes(1), 1),
            (TimeSpan.FromMinutes(10), 3),
            (TimeSpan.FromHours(1), 4),
            (TimeSpan.FromDays(1), 20),
        };

        private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);

        private readonly Dictionary<string, List<DateTimeOffset>> _history = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);

        /// <summary>True when one more send to <paramref name="mobile"/> with <paramref name="signature"/> stays within every limit.</summary>
        public bool IsAllowed(string mobile, string signature, DateTimeOffset now)
        {
            if (!_history.TryGetValue(Key(mobile, signature), out List<DateTimeOffset>? sends))
            {
                return true;
            }

            sends.RemoveAll(t => now - t >= LongestWindow);
            foreach ((TimeSpan window, int max) in Limits)
            {
                int count = 0;
                foreach (DateTimeOffset t in sends)
                {
                    if (now - t < window)
                    {
                        count++;
                    }
                }

                if (count >= max)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Counts an accepted send.</summary>
        public void Record(string mobile, string signature, DateTimeOffset now)
        {
            string key = Key(mobile, signature);
            if (!_history.TryGetValue(key, out List<DateTimeOffset>? sends))
            {
                sends = new List<DateTimeOffset>();
                _history.Add(key, sends);
            }

            sends.Add(now);
        }

        public void Clear() => _history.Clear();

        private static string Key(string mobile, string signature) => mobile + "\n" + signature;
    }
}
