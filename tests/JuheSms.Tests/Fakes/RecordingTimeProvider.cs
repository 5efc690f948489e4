using System;
using System.Threading;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace JuheSms.Tests.Fakes
{
    /// <summary>A <see cref="FakeTimeProvider"/> that reports every timer created, so a test can wait for one before advancing time.</summary>
    public sealed class RecordingTimeProvider : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

        public ChannelReader<TimeSpan> TimersCreated => _timers.Reader;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            _timers.Writer.TryWrite(dueTime);
            return timer;
        }

        /// <summary>Waits until a timer with <paramref name="dueTime"/> exists (guarded against hanging), then advances by it.</summary>
        public async System.Threading.Tasks.Task AdvanceWhenTimerExistsAsync(TimeSpan dueTime)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await TimersCreated.ReadAsync(guard.Token) != dueTime)
            {
            }

            Advance(dueTime);
        }
    }
}
