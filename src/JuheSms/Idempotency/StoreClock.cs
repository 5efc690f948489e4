using System;

namespace JuheSms
{
    /// <summary>
    /// The in-memory idempotency store's "now", in UTC ticks. On the system clock it is the wall-clock time the store
    /// started plus the milliseconds of the coarse monotonic clock since (<c>Environment.TickCount64</c>): two reads of
    /// the precise wall clock per keyed send were a measurable share of its cost on loopback, and the store only compares
    /// its own times with each other (retention, leases), for which milliseconds do and a clock that never steps back is
    /// better. Any other <see cref="TimeProvider"/> (tests) is read as it is.
    /// </summary>
    internal abstract class StoreClock
    {
        public abstract long UtcNowTicks();

        public static StoreClock For(TimeProvider timeProvider)
        {
#if NET
            if (ReferenceEquals(timeProvider, TimeProvider.System))
            {
                return new CoarseSystemClock();
            }
#endif
            return new ProviderClock(timeProvider);
        }

        private sealed class ProviderClock : StoreClock
        {
            private readonly TimeProvider _timeProvider;

            public ProviderClock(TimeProvider timeProvider)
            {
                _timeProvider = timeProvider;
            }

            public override long UtcNowTicks() => _timeProvider.GetUtcNow().UtcTicks;
        }

#if NET
        private sealed class CoarseSystemClock : StoreClock
        {
            private readonly long _originUtcTicks = DateTimeOffset.UtcNow.UtcTicks;
            private readonly long _originMilliseconds = Environment.TickCount64;

            public override long UtcNowTicks()
                => _originUtcTicks + ((Environment.TickCount64 - _originMilliseconds) * TimeSpan.TicksPerMillisecond);
        }
#endif
    }
}
