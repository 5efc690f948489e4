using System;
using System.Threading;

namespace JuheSms.Internal
{
    /// <summary>
    /// What the client needs to know about the batch a message belongs to, for rule 4 (marketing in batches, China Mobile
    /// 20 or more): how many numbers it has and how many are China Mobile's. One instance per batch, shared by its messages;
    /// the count is taken only when a marketing message asks for it, and the batch is reported at most once.
    /// </summary>
    internal sealed class SmsBatchContext
    {
        private readonly Func<(int Total, int ChinaMobile)> _count;
        private (int Total, int ChinaMobile)? _counted;
        private int _reported;

        /// <param name="count">Counts the batch's numbers and its China Mobile numbers (run once, on first use).</param>
        public SmsBatchContext(Func<(int Total, int ChinaMobile)> count)
        {
            _count = count;
        }

        /// <summary>The batch's numbers and its China Mobile numbers.</summary>
        public (int Total, int ChinaMobile) Counts
        {
            get
            {
                lock (_count)
                {
                    return _counted ??= _count();
                }
            }
        }

        /// <summary>True the first time only: the batch's violation is logged and counted once, not per number.</summary>
        public bool TryMarkReported() => Interlocked.Exchange(ref _reported, 1) == 0;

        /// <summary>Counts the China Mobile numbers among <paramref name="mobiles"/> (invalid ones count as none).</summary>
        public static int CountChinaMobile(string?[] mobiles)
        {
            int count = 0;
            foreach (string? mobile in mobiles)
            {
                if (IsChinaMobile(mobile))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>True for a valid number issued by China Mobile.</summary>
        public static bool IsChinaMobile(string? mobile)
            => SmsRules.TryNormalizeMobile(mobile, out string normalized) && SmsRules.CarrierOf(normalized) == MobileCarrier.ChinaMobile;
    }
}
