using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests
{
    /// <summary>Two guard instances over two connections (as two application instances would be) share the limits exactly.</summary>
    [Collection(RedisCollection.Name)]
    public class RedisGuardConcurrencyTests : IDisposable
    {
        private const int Senders = 64;
        private const string Mobile = "13800138000";

        private readonly ConnectionMultiplexer _redisA;
        private readonly ConnectionMultiplexer _redisB;

        public RedisGuardConcurrencyTests(RedisFixture fixture)
        {
            _redisA = fixture.Server.Connect();
            _redisB = fixture.Server.Connect();
        }

        public void Dispose()
        {
            _redisA.Dispose();
            _redisB.Dispose();
        }

        [Fact]
        public async Task Exactly_one_of_64_concurrent_senders_on_two_instances_passes_the_default_limits()
        {
            string prefix = RedisFixture.UniquePrefix();
            var a = new RedisSmsSendGuard(_redisA, new RedisSmsSendGuardOptions { KeyPrefix = prefix });
            var b = new RedisSmsSendGuard(_redisB, new RedisSmsSendGuardOptions { KeyPrefix = prefix });

            SmsGuardDecision[] decisions = await RaceAsync(i => (i % 2 == 0 ? a : b).TryReserveAsync(string.Empty, Mobile));

            Assert.Equal(1, decisions.Count(d => d.IsAllowed));
            Assert.Equal(1, await _redisA.GetDatabase().SortedSetLengthAsync(a.Key(string.Empty, Mobile)));
        }

        [Fact]
        public async Task Exactly_ten_pass_a_ten_per_minute_limit_none_lost_none_counted_twice()
        {
            string prefix = RedisFixture.UniquePrefix();
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            RedisSmsSendGuardOptions Options()
            {
                var o = new RedisSmsSendGuardOptions { KeyPrefix = prefix };
                o.Limits.Clear();
                o.Limits.Add(new SmsSendLimit(10, TimeSpan.FromMinutes(1)));
                return o;
            }

            var a = new RedisSmsSendGuard(_redisA, Options(), time);
            var b = new RedisSmsSendGuard(_redisB, Options(), time);

            SmsGuardDecision[] first = await RaceAsync(i => (i % 2 == 0 ? a : b).TryReserveAsync(string.Empty, Mobile));
            Assert.Equal(10, first.Count(d => d.IsAllowed));
            Assert.Equal(10, await _redisA.GetDatabase().SortedSetLengthAsync(a.Key(string.Empty, Mobile)));

            time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, (await RaceAsync(i => (i % 2 == 0 ? a : b).TryReserveAsync(string.Empty, Mobile))).Count(d => d.IsAllowed));

            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(10, (await RaceAsync(i => (i % 2 == 0 ? a : b).TryReserveAsync(string.Empty, Mobile))).Count(d => d.IsAllowed));
        }

        internal static async Task<T[]> RaceAsync<T>(Func<int, Task<T>> operation)
        {
            using var ready = new CountdownEvent(Senders);
            using var gate = new ManualResetEventSlim(false);
            var tasks = new List<Task<T>>();
            for (int i = 0; i < Senders; i++)
            {
                int index = i;
                tasks.Add(Task.Factory.StartNew(
                    () =>
                    {
                        ready.Signal();
                        gate.Wait();
                        return operation(index);
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
