using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>
    /// The attempt token on the system clock: attempts of one window share a time-out source (<see cref="AttemptDeadlines"/>),
    /// and these prove that sharing carries nothing from one attempt to another (a caller's token cancels only its own
    /// attempt, a fired time-out is never handed to a later one) and that no attempt gets less than its time-out.
    /// </summary>
    public class AttemptCancellationTests
    {
        private static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(30);

        [Fact]
        public void Attempts_of_one_window_share_the_time_out_source_and_a_callers_token_cancels_only_its_own()
        {
            var deadlines = new AttemptDeadlines(LongTimeout);
            using var earlierCaller = new CancellationTokenSource();
            AttemptCancellation first = AttemptCancellation.Create(TimeProvider.System, LongTimeout, earlierCaller.Token, deadlines);
            AttemptCancellation second = AttemptCancellation.Create(TimeProvider.System, LongTimeout, CancellationToken.None, deadlines);
            try
            {
                Assert.False(deadlines.Current().IsCancellationRequested); // An open window (468 ms wide at 30 s).
                Assert.False(second.Token.IsCancellationRequested);
                earlierCaller.Cancel();
                Assert.True(first.Token.IsCancellationRequested);
                Assert.False(second.Token.IsCancellationRequested);
                Assert.False(first.TimedOut);
                Assert.False(second.TimedOut);
            }
            finally
            {
                first.Dispose();
                second.Dispose();
            }
        }

        [Fact]
        public void The_callers_token_cancels_the_attempt_and_is_not_a_time_out()
        {
            using var caller = new CancellationTokenSource();
            AttemptCancellation attempt = AttemptCancellation.Create(TimeProvider.System, LongTimeout, caller.Token);
            CancellationToken token = attempt.Token;

            caller.Cancel();

            Assert.True(token.IsCancellationRequested);
            Assert.False(attempt.TimedOut);
            attempt.Dispose();

            AttemptCancellation next = AttemptCancellation.Create(TimeProvider.System, LongTimeout, CancellationToken.None);
            Assert.False(next.Token.IsCancellationRequested);
            next.Dispose();
        }

        [Fact]
        public void An_already_canceled_callers_token_cancels_the_attempt_at_once()
        {
            using var caller = new CancellationTokenSource();
            caller.Cancel();

            AttemptCancellation attempt = AttemptCancellation.Create(TimeProvider.System, LongTimeout, caller.Token);

            Assert.True(attempt.Token.IsCancellationRequested);
            Assert.False(attempt.TimedOut);
            attempt.Dispose();
        }

        [Fact]
        public async Task A_fired_time_out_is_reported_never_early_and_never_handed_to_a_later_attempt()
        {
            TimeSpan timeout = TimeSpan.FromMilliseconds(200);
            var deadlines = new AttemptDeadlines(timeout);
            var started = Stopwatch.StartNew();
            AttemptCancellation attempt = AttemptCancellation.Create(TimeProvider.System, timeout, CancellationToken.None, deadlines);
            CancellationToken token = attempt.Token;
            var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (token.Register(() => fired.TrySetResult()))
            {
                // Waits for the timer; the bound is only there so that a broken time-out fails instead of hanging.
                Assert.Same(fired.Task, await Task.WhenAny(fired.Task, Task.Delay(TimeSpan.FromSeconds(30))));
            }

            // Never before the time-out (a busy machine can only make it later).
            Assert.True(started.Elapsed >= timeout, "fired after " + started.Elapsed.TotalMilliseconds + " ms");
            Assert.True(attempt.TimedOut);
            attempt.Dispose();

            AttemptCancellation next = AttemptCancellation.Create(TimeProvider.System, timeout, CancellationToken.None, deadlines);
            Assert.False(next.Token.IsCancellationRequested);
            Assert.False(next.TimedOut);
            Assert.NotEqual(token, next.Token);
            next.Dispose();
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(1000, 15)]
        [InlineData(30000, 468)]
        [InlineData(3600000, 56250)]
        public void A_window_is_a_64th_of_the_time_out_and_at_least_1_ms(int timeoutMs, int widthMs)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(widthMs), new AttemptDeadlines(TimeSpan.FromMilliseconds(timeoutMs)).Width);
        }

        [Fact]
        public void Attempts_on_one_thread_in_one_window_share_the_source()
        {
            var deadlines = new AttemptDeadlines(LongTimeout);
            // Two calls back to back on one thread: same processor almost always; retried a few times for a migration between them.
            bool same = false;
            for (int i = 0; i < 20 && !same; i++)
            {
                same = ReferenceEquals(deadlines.Current(), deadlines.Current());
            }

            Assert.True(same);
        }

        [Fact]
        public async Task A_new_window_opens_once_the_last_one_closed()
        {
            var deadlines = new AttemptDeadlines(TimeSpan.FromSeconds(1)); // 15 ms windows.
            CancellationTokenSource first = deadlines.Current();

            await Task.Delay(deadlines.Width + TimeSpan.FromMilliseconds(30));

            Assert.NotSame(first, deadlines.Current());
        }
    }
}
