using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks; // TimeProvider.CreateCancellationTokenSource (Microsoft.Bcl.TimeProvider)
#endif

namespace JuheSms.Internal
{
    /// <summary>
    /// The token of one send attempt: canceled by the attempt's time-out or by the caller's token, and which of the two
    /// happened. Disposing it ends the attempt's time-out and its link to the caller's token.
    /// </summary>
    internal readonly struct AttemptCancellation : IDisposable
    {
        private readonly CancellationTokenSource _timeoutSource;
        private readonly CancellationTokenSource? _linked;
        private readonly CancellationTokenRegistration _callerRegistration;
        private readonly bool _timeoutShared;
        private readonly bool _pooled;

        private AttemptCancellation(CancellationTokenSource timeoutSource, CancellationTokenSource? linked, CancellationTokenRegistration callerRegistration, bool timeoutShared, bool pooled)
        {
            _timeoutSource = timeoutSource;
            _linked = linked;
            _callerRegistration = callerRegistration;
            _timeoutShared = timeoutShared;
            _pooled = pooled;
        }

        public CancellationToken Token => (_linked ?? _timeoutSource).Token;

        /// <summary>
        /// On the system clock one source does both (the caller's token, when it can be canceled, cancels it too; then
        /// <c>CancelAfter</c>); another clock keeps its own time-out source, linked to the caller's token only when that can
        /// be canceled.
        /// </summary>
        public static AttemptCancellation Create(TimeProvider timeProvider, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (ReferenceEquals(timeProvider, TimeProvider.System))
            {
#if NET
                // A source from the per-thread cache (see PooledSource) instead of a new source and timer per attempt
                // (about 150 B, plus the registration storage HttpClient's own linked source takes in it). The caller's
                // token cancels it through a registration, which is what CreateLinkedTokenSource would do, but can be
                // undone before the source goes back to the cache.
                CancellationTokenSource shared = PooledSource.Rent();
                CancellationTokenRegistration registration = cancellationToken.CanBeCanceled
                    ? cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), shared)
                    : default;
                shared.CancelAfter(timeout);
                return new AttemptCancellation(shared, linked: null, registration, timeoutShared: true, pooled: true);
#else
                CancellationTokenSource shared = cancellationToken.CanBeCanceled
                    ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
                    : new CancellationTokenSource();
                shared.CancelAfter(timeout);
                return new AttemptCancellation(shared, linked: null, default, timeoutShared: true, pooled: false);
#endif
            }

#if NET8_0_OR_GREATER
            var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
#else
            CancellationTokenSource timeoutSource = timeProvider.CreateCancellationTokenSource(timeout);
#endif
            CancellationTokenSource? linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token)
                : null;
            return new AttemptCancellation(timeoutSource, linked, default, timeoutShared: false, pooled: false);
        }

        /// <summary>True when the time-out fired (when the source is shared with the caller's token: it fired and the caller did not cancel).</summary>
        public bool TimedOut(CancellationToken cancellationToken)
            => _timeoutSource.IsCancellationRequested && !(_timeoutShared && cancellationToken.IsCancellationRequested);

        public void Dispose()
        {
            // First the link to the caller (Dispose waits for a cancellation callback already running), so that nothing
            // can cancel the source once it is back in the cache.
            _callerRegistration.Dispose();
            _linked?.Dispose();
#if NET
            if (_pooled)
            {
                PooledSource.Return(_timeoutSource);
                return;
            }
#endif
            _timeoutSource.Dispose();
        }

#if NET
        /// <summary>
        /// One cached source per thread. A source goes back only when <see cref="CancellationTokenSource.TryReset"/>
        /// succeeds: it was never canceled and its timer never fired (TryReset refuses otherwise), and the reset drops any
        /// registration still on it, so the next attempt starts with a source indistinguishable from a new one.
        /// </summary>
        private static class PooledSource
        {
            [ThreadStatic]
            private static CancellationTokenSource? t_cached;

            public static CancellationTokenSource Rent()
            {
                CancellationTokenSource? source = t_cached;
                if (source is null)
                {
                    return new CancellationTokenSource();
                }

                t_cached = null;
                return source;
            }

            public static void Return(CancellationTokenSource source)
            {
                if (t_cached is null && source.TryReset())
                {
                    t_cached = source;
                }
                else
                {
                    source.Dispose();
                }
            }
        }
#endif
    }
}
