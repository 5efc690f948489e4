using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Policy
{
    /// <summary>64 concurrent senders: exactly the allowed number pass, none lost, none counted twice.</summary>
    public class InMemoryGuardConcurrencyTests
    {
        private const int Senders = 64;
        private const string Sig = "";
        private const string Mobile = "13800138000";

        [Fact]
        public async Task Exactly_one_of_64_concurrent_senders_passes_the_default_limits()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var guard = new InMemorySmsSendGuard(null, time);

            SmsGuardDecision[] decisions = await RaceAsync(() => guard.TryReserveAsync(Sig, Mobile));

            Assert.Equal(1, decisions.Count(d => d.IsAllowed));
            Assert.All(decisions.Where(d => !d.IsAllowed), d => Assert.Equal(PolicyHarness.Noon + TimeSpan.FromMinutes(1), d.RetryAt));
        }

        [Fact]
        public async Task Exactly_ten_pass_a_ten_per_minute_limit_and_the_count_is_exact_afterwards()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var guard = new InMemorySmsSendGuard(new SmsSendGuardOptions().With(new SmsSendLimit(10, TimeSpan.FromMinutes(1))), time);

            SmsGuardDecision[] first = await RaceAsync(() => guard.TryReserveAsync(Sig, Mobile));
            Assert.Equal(10, first.Count(d => d.IsAllowed));
            Assert.Equal(10, first.Where(d => d.IsAllowed).Select(d => d.Reservation!.Id).Distinct().Count());

            // None lost: just before the window ends, still nothing passes.
            time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(1));
            Assert.Equal(0, (await RaceAsync(() => guard.TryReserveAsync(Sig, Mobile))).Count(d => d.IsAllowed));

            // None counted twice (nor refusals counted): once the ten leave the window, exactly ten pass again.
            time.Advance(TimeSpan.FromTicks(1));
            Assert.Equal(10, (await RaceAsync(() => guard.TryReserveAsync(Sig, Mobile))).Count(d => d.IsAllowed));
        }

        [Fact]
        public async Task Concurrent_releases_and_reserves_keep_the_count_exact()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var guard = new InMemorySmsSendGuard(new SmsSendGuardOptions().With(new SmsSendLimit(8, TimeSpan.FromMinutes(1))), time);
            SmsGuardDecision[] taken = await RaceAsync(() => guard.TryReserveAsync(Sig, Mobile));
            SmsSendReservation[] reservations = taken.Where(d => d.IsAllowed).Select(d => d.Reservation!).ToArray();
            Assert.Equal(8, reservations.Length);

            // Release three while 64 others race for the freed slots.
            Task releases = Task.WhenAll(reservations.Take(3).Select(r => Task.Run(() => guard.ReleaseAsync(r))));
            await releases;
            SmsGuardDecision[] second = await RaceAsync(() => guard.TryReserveAsync(Sig, Mobile));

            Assert.Equal(3, second.Count(d => d.IsAllowed));
        }

        [Fact]
        public async Task Through_the_client_64_concurrent_sends_reach_the_provider_once()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var harness = new PolicyHarness(new InMemorySmsSendGuard(null, time), time: time);
            harness.Sandbox.EnforceFrequencyLimits = false; // only the guard may stop them

            var outcomes = await RaceAsync(async () =>
            {
                try
                {
                    return (object)await harness.Client.SendAsync(PolicyHarness.Message());
                }
                catch (SmsThrottledException ex)
                {
                    return ex;
                }
            });

            Assert.Equal(1, outcomes.Count(o => o is SmsSendResult));
            Assert.Equal(Senders - 1, outcomes.Count(o => o is SmsThrottledException));
            Assert.Equal(1, harness.Sandbox.Requests);
        }

        /// <summary>Starts 64 operations that all wait on one gate, then opens it, so they run at the same time.</summary>
        internal static async Task<T[]> RaceAsync<T>(Func<Task<T>> operation)
        {
            using var ready = new CountdownEvent(Senders);
            var gate = new ManualResetEventSlim(false);
            var tasks = new List<Task<T>>();
            for (int i = 0; i < Senders; i++)
            {
                tasks.Add(Task.Factory.StartNew(
                    () =>
                    {
                        ready.Signal();
                        gate.Wait();
                        return operation();
                    },
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default).Unwrap());
            }

            ready.Wait();
            gate.Set();
            return await Task.WhenAll(tasks);
        }
    }
}
