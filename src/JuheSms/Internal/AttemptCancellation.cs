using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks; // TimeProvider.CreateCancellationTokenSource (Microsoft.Bcl.TimeProvider)
#endif

namespace JuheSms.Internal
{
    /// <summary>
    /// The token of one send attempt: canceled by the attempt's time-out or by the caller's token, and which of the two
    /// happened. Disposing it ends the attempt's link to the caller's token (and, on another clock, its own time-out).
    /// </summary>
    internal readonly struct AttemptCancellation : IDisposable
    {
        private readonly CancellationTokenSource _timeoutSource;
        private readonly CancellationTokenSource? _linked;
        private readonly bool _timeoutShared;

        private AttemptCancellation(CancellationTokenSource timeoutSource, CancellationTokenSource? linked, bool timeoutShared)
        {
            _timeoutSource = timeoutSource;
            _linked = linked;
            _timeoutShared = timeoutShared;
        }

        public CancellationToken Token => (_linked ?? _timeoutSource).Token;

        /// <summary>
        /// On the system clock the time-out is the shared source of <paramref name="deadlines"/> (<see cref="AttemptDeadlines"/>:
        /// no source or timer per attempt), linked to the caller's token only when that can be canceled; another clock
        /// (tests) gets a time-out source of its own, exact on that clock.
        /// </summary>
        public static AttemptCancellation Create(TimeProvider timeProvider, TimeSpan timeout, CancellationToken cancellationToken, AttemptDeadlines? deadlines = null)
        {
            CancellationTokenSource timeoutSource;
            bool shared = ReferenceEquals(timeProvider, TimeProvider.System);
            if (shared)
            {
                timeoutSource = (deadlines ?? AttemptDeadlines.For(timeout)).Current();
            }
            else
            {
#if NET8_0_OR_GREATER
                timeoutSource = new CancellationTokenSource(timeout, timeProvider);
#else
                timeoutSource = timeProvider.CreateCancellationTokenSource(timeout);
#endif
            }

            CancellationTokenSource? linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token)
                : null;
            return new AttemptCancellation(timeoutSource, linked, shared);
        }

        /// <summary>True when the time-out fired (whether the caller canceled too is the caller's token to say).</summary>
        public bool TimedOut => _timeoutSource.IsCancellationRequested;

        public void Dispose()
        {
            _linked?.Dispose();
            if (!_timeoutShared)
            {
                // A shared source belongs to every attempt of its window; its timer cancels it once, then it is dropped.
                _timeoutSource.Dispose();
            }
        }
    }
}
