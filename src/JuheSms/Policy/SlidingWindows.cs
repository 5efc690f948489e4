using System;
using System.Collections.Generic;

namespace JuheSms.Internal
{
    /// <summary>
    /// The sliding-window rule of <see cref="SmsSendLimit"/> over one key's send times (UTC ticks, oldest first).
    /// A send at <c>t</c> counts for a window <c>W</c> while <c>now - t &lt; W</c>. The Redis guard's Lua script applies
    /// the same rule; keep the two in step.
    /// </summary>
    internal static class SlidingWindows
    {
        /// <summary>
        /// Returns null when every limit allows one more send at <paramref name="nowTicks"/>; otherwise the limit that reopens
        /// last and the time (ticks) when it does.
        /// </summary>
        public static (SmsSendLimit Limit, long ReopensAtTicks)? FindRefusal(IReadOnlyList<SmsSendLimit> limits, List<SendRecord> sends, long nowTicks)
        {
            (SmsSendLimit Limit, long ReopensAtTicks)? refusal = null;
            foreach (SmsSendLimit limit in limits)
            {
                long windowTicks = limit.Window.Ticks;
                int first = FirstInWindow(sends, nowTicks - windowTicks);
                int inWindow = sends.Count - first;
                if (inWindow < limit.MaxSends)
                {
                    continue;
                }

                // One more send fits once all but MaxSends-1 of those in the window have left it:
                // the send at index first + (inWindow - MaxSends) leaves last among them.
                long reopens = sends[first + inWindow - limit.MaxSends].Ticks + windowTicks;
                if (refusal is null || reopens > refusal.Value.ReopensAtTicks)
                {
                    refusal = (limit, reopens);
                }
            }

            return refusal;
        }

        /// <summary>Drops the sends older than the longest window (they count for no limit any more).</summary>
        public static void Prune(List<SendRecord> sends, long nowTicks, TimeSpan longestWindow)
        {
            int first = FirstInWindow(sends, nowTicks - longestWindow.Ticks);
            if (first > 0)
            {
                sends.RemoveRange(0, first);
            }
        }

        /// <summary>Inserts keeping the order (a clock may step back a little).</summary>
        public static void Insert(List<SendRecord> sends, SendRecord record)
        {
            int i = sends.Count;
            while (i > 0 && sends[i - 1].Ticks > record.Ticks)
            {
                i--;
            }

            sends.Insert(i, record);
        }

        // The index of the first send with t > windowStart (t - windowStart > 0 <=> now - t < W).
        private static int FirstInWindow(List<SendRecord> sends, long windowStart)
        {
            int lo = 0;
            int hi = sends.Count;
            while (lo < hi)
            {
                int mid = lo + ((hi - lo) / 2);
                if (sends[mid].Ticks > windowStart)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }

    /// <summary>One counted send: when (UTC ticks) and the id of its reservation.</summary>
    internal readonly struct SendRecord
    {
        public SendRecord(long ticks, long id)
        {
            Ticks = ticks;
            Id = id;
        }

        public long Ticks { get; }

        public long Id { get; }
    }
}
