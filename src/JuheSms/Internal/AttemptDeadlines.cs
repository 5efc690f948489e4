using System;
using System.Collections.Concurrent;
using System.Threading;

namespace JuheSms.Internal
{
    /// <summary>
    /// The time-outs of a client's attempts on the system clock, shared: every attempt that starts within one window
    /// (<see cref="Width"/>) takes the same source, which one timer cancels a full time-out after the window closes. So an
    /// attempt is given at least its time-out and at most <see cref="Width"/> and 16 ms more, and a send
    /// costs no source, timer or timer-queue lock of its own (at 8 senders those contended). The width is a fixed share
    /// of the time-out, so at most about 65 sources per processor are alive at a time whatever the time-out (a window's
    /// source lives for the time-out and the window), each canceled once and then dropped.
    /// </summary>
    internal sealed class AttemptDeadlines
    {
        private static readonly ConcurrentDictionary<long, AttemptDeadlines> ByTimeout = new ConcurrentDictionary<long, AttemptDeadlines>();

        /// <summary>More than the tick of the clock windows are timed on (<c>Environment.TickCount64</c>: 1–10 ms).</summary>
        private const int ClockSlackMilliseconds = 16;

        private readonly int _timeoutMilliseconds;

        // One open window per processor: the attempts' registrations on a window's source (HttpClient's link, the
        // connection's) take that source's lock, which one source shared by every sender would make them contend for.
        private readonly Window?[] _current = new Window?[Math.Max(1, Math.Min(64, Environment.ProcessorCount))];

        public AttemptDeadlines(TimeSpan timeout)
        {
            Timeout = timeout;
            _timeoutMilliseconds = (int)Math.Min(int.MaxValue - 1000, Math.Ceiling(timeout.TotalMilliseconds));
            // A 64th of the time-out (at least 1 ms): 470 ms at the 30-second default. Not capped: a cap would make the
            // number of live sources grow with the time-out (a day's time-out in 250 ms windows: 345,600 per processor).
            Width = TimeSpan.FromMilliseconds(Math.Max(1, _timeoutMilliseconds / 64));
        }

        /// <summary>The time-out every attempt gets at least.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>How long one shared source takes new attempts: the most an attempt may get beyond its time-out.</summary>
        public TimeSpan Width { get; }

        /// <summary>The shared deadlines of <paramref name="timeout"/> (for callers that have no client's own).</summary>
        public static AttemptDeadlines For(TimeSpan timeout) => ByTimeout.GetOrAdd(timeout.Ticks, ticks => new AttemptDeadlines(TimeSpan.FromTicks(ticks)));

        /// <summary>The source of the window open now: canceled at the earliest a full time-out from now.</summary>
        public CancellationTokenSource Current()
        {
            long now = NowMilliseconds();
            ref Window? slot = ref _current[CurrentShard() % _current.Length];
            Window? window = Volatile.Read(ref slot);
            if (window is not null && now < window.ClosesAt && !window.Source.IsCancellationRequested)
            {
                return window.Source;
            }

            var source = new CancellationTokenSource();
            int width = (int)Width.TotalMilliseconds;
            var opened = new Window(source, now + width);
            Window? previous = Interlocked.CompareExchange(ref slot, opened, window);
            if (!ReferenceEquals(previous, window) && previous is not null && now < previous.ClosesAt && !previous.Source.IsCancellationRequested)
            {
                // Another attempt opened a window at the same moment: take that one, drop this one unarmed.
                source.Dispose();
                return previous.Source;
            }

            // Armed for the time-out plus the window, plus the coarse clock's tick (up to a few ms): an attempt that starts
            // at the window's last moment still gets its whole time-out.
            source.CancelAfter(_timeoutMilliseconds + width + ClockSlackMilliseconds);
            return source;
        }

#if NET
        private static long NowMilliseconds() => Environment.TickCount64;

        private static int CurrentShard() => Thread.GetCurrentProcessorId() & int.MaxValue;
#else
        private static long NowMilliseconds() => System.Diagnostics.Stopwatch.GetTimestamp() / (System.Diagnostics.Stopwatch.Frequency / 1000);

        private static int CurrentShard() => Environment.CurrentManagedThreadId & int.MaxValue;
#endif

        private sealed class Window
        {
            public Window(CancellationTokenSource source, long closesAt)
            {
                Source = source;
                ClosesAt = closesAt;
            }

            public CancellationTokenSource Source { get; }

            /// <summary>The clock's milliseconds (<see cref="NowMilliseconds"/>) at which the window stops taking attempts.</summary>
            public long ClosesAt { get; }
        }
    }
}
