using System;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>
    /// The attempt token on the system clock: its source is reused from a per-thread cache, and these prove that a reused
    /// source carries nothing over from the attempt before (no link to an earlier caller's token, never a fired time-out).
    /// </summary>
    public class AttemptCancellationTests
    {
        private static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(30);

        [Fact]
        public void A_reused_source_is_not_canceled_by_an_earlier_callers_token()
        {
            using var earlierCaller = new CancellationTokenSource();
            AttemptCancellation first = AttemptCancellation.Create(TimeProvider.System, LongTimeout, earlierCaller.Token);
            CancellationToken firstToken = first.Token;
            first.Dispose();

            AttemptCancellation second = AttemptCancellation.Create(TimeProvider.System, LongTimeout, CancellationToken.None);
            try
            {
                Assert.Equal(firstToken, second.Token); // The same source, reused on this thread.
                earlierCaller.Cancel();
                Assert.False(second.Token.IsCancellationRequested);
            }
            finally
            {
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
            Assert.False(attempt.TimedOut(caller.Token));
            attempt.Dispose();

            AttemptCancellation next = AttemptCancellation.Create(TimeProvider.System, LongTimeout, CancellationToken.None);
            Assert.False(next.Token.IsCancellationRequested);
            Assert.NotEqual(token, next.Token); // A canceled source is never reused.
            next.Dispose();
        }

        [Fact]
        public void An_already_canceled_callers_token_cancels_the_attempt_at_once()
        {
            using var caller = new CancellationTokenSource();
            caller.Cancel();

            AttemptCancellation attempt = AttemptCancellation.Create(TimeProvider.System, LongTimeout, caller.Token);

            Assert.True(attempt.Token.IsCancellationRequested);
            Assert.False(attempt.TimedOut(caller.Token));
            attempt.Dispose();
        }

        [Fact]
        public async Task A_fired_time_out_is_reported_and_its_source_is_not_reused()
        {
            AttemptCancellation attempt = AttemptCancellation.Create(TimeProvider.System, TimeSpan.FromMilliseconds(1), CancellationToken.None);
            CancellationToken token = attempt.Token;
            var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (token.Register(() => fired.TrySetResult()))
            {
                // Waits for the 1 ms timer; the bound is only there so that a broken time-out fails instead of hanging.
                Assert.Same(fired.Task, await Task.WhenAny(fired.Task, Task.Delay(TimeSpan.FromSeconds(30))));
            }

            Assert.True(attempt.TimedOut(CancellationToken.None));
            attempt.Dispose();

            AttemptCancellation next = AttemptCancellation.Create(TimeProvider.System, LongTimeout, CancellationToken.None);
            Assert.False(next.Token.IsCancellationRequested);
            Assert.NotEqual(token, next.Token);
            next.Dispose();
        }
    }
}
