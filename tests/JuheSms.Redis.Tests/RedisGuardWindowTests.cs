using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests
{
    [Collection(RedisCollection.Name)]
    public class RedisGuardWindowTests : IDisposable
    {
        private const string Sig = "【Contoso】";
        private const string Mobile = "13800138000";
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

        private readonly ConnectionMultiplexer _redis;
        private readonly FakeTimeProvider _time = new FakeTimeProvider(T0);
        private readonly RedisSmsSendGuardOptions _options = new RedisSmsSendGuardOptions { KeyPrefix = RedisFixture.UniquePrefix() };
        private readonly RedisSmsSendGuard _guard;

        public RedisGuardWindowTests(RedisFixture fixture)
        {
            _redis = fixture.Server.Connect();
            _guard = new RedisSmsSendGuard(_redis, _options, _time);
        }

        public void Dispose() => _redis.Dispose();

        [Fact]
        public async Task One_per_minute_reopens_exactly_one_minute_after_the_send()
        {
            await AllowedAt(TimeSpan.Zero);

            SmsGuardDecision refused = await RefusedAt(TimeSpan.FromMinutes(1) - Ms);
            Assert.Equal(new SmsSendLimit(1, TimeSpan.FromMinutes(1)), refused.RefusedBy);
            Assert.Equal(T0 + TimeSpan.FromMinutes(1), refused.RetryAt);

            await AllowedAt(TimeSpan.FromMinutes(1));
        }

        [Fact]
        public async Task Three_per_ten_minutes_and_four_per_hour_reopen_when_the_oldest_leaves()
        {
            await AllowedAt(TimeSpan.Zero);
            await AllowedAt(TimeSpan.FromMinutes(1));
            await AllowedAt(TimeSpan.FromMinutes(2));

            SmsGuardDecision tenMinutes = await RefusedAt(TimeSpan.FromMinutes(2.5)); // 1/min is full too, but reopens first
            Assert.Equal(new SmsSendLimit(3, TimeSpan.FromMinutes(10)), tenMinutes.RefusedBy);
            Assert.Equal(T0 + TimeSpan.FromMinutes(10), tenMinutes.RetryAt);
            await RefusedAt(TimeSpan.FromMinutes(10) - Ms);
            await AllowedAt(TimeSpan.FromMinutes(10));

            SmsGuardDecision hour = await RefusedAt(TimeSpan.FromMinutes(20));
            Assert.Equal(new SmsSendLimit(4, TimeSpan.FromHours(1)), hour.RefusedBy);
            Assert.Equal(T0 + TimeSpan.FromHours(1), hour.RetryAt);
            await RefusedAt(TimeSpan.FromHours(1) - Ms);
            await AllowedAt(TimeSpan.FromHours(1));
        }

        [Fact]
        public async Task Twenty_per_day_reopens_24_hours_after_the_first()
        {
            for (int hour = 0; hour < 5; hour++)
            {
                foreach (int minute in new[] { 0, 1, 2, 10 })
                {
                    await AllowedAt(TimeSpan.FromHours(hour) + TimeSpan.FromMinutes(minute));
                }
            }

            SmsGuardDecision refused = await RefusedAt(TimeSpan.FromHours(5));
            Assert.Equal(new SmsSendLimit(20, TimeSpan.FromDays(1)), refused.RefusedBy);
            Assert.Equal(T0 + TimeSpan.FromDays(1), refused.RetryAt);
            await RefusedAt(TimeSpan.FromDays(1) - Ms);
            await AllowedAt(TimeSpan.FromDays(1));
        }

        [Fact]
        public async Task A_released_slot_is_free_again_and_a_refusal_counts_nothing()
        {
            SmsGuardDecision first = await AllowedAt(TimeSpan.Zero);
            await RefusedAt(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await _redis.GetDatabase().SortedSetLengthAsync(_guard.Key(Sig, Mobile)));

            await _guard.ReleaseAsync(first.Reservation!);

            Assert.Equal(0, await _redis.GetDatabase().SortedSetLengthAsync(_guard.Key(Sig, Mobile)));
            await AllowedAt(TimeSpan.FromSeconds(2));
        }

        [Fact]
        public async Task Each_key_is_one_sorted_set_that_expires_with_the_longest_window()
        {
            await AllowedAt(TimeSpan.Zero);

            string key = _guard.Key(Sig, Mobile);
            Assert.Equal(_options.KeyPrefix + Sig + ":" + Mobile, key);
            IDatabase db = _redis.GetDatabase();
            Assert.Equal(RedisType.SortedSet, await db.KeyTypeAsync(key));
            TimeSpan? ttl = await db.KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl!.Value, TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        }

        [Fact]
        public async Task Numbers_and_signatures_are_counted_apart()
        {
            Assert.True((await _guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
            Assert.True((await _guard.TryReserveAsync(Sig, "13900139000")).IsAllowed);
            Assert.True((await _guard.TryReserveAsync(string.Empty, Mobile)).IsAllowed);
            Assert.False((await _guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
        }

        [Fact]
        public async Task By_default_the_Redis_servers_clock_is_used()
        {
            var guard = new RedisSmsSendGuard(_redis, new RedisSmsSendGuardOptions { KeyPrefix = RedisFixture.UniquePrefix() });

            SmsGuardDecision first = await guard.TryReserveAsync(Sig, Mobile);
            SmsGuardDecision second = await guard.TryReserveAsync(Sig, Mobile);

            Assert.True(first.IsAllowed);
            Assert.False(second.IsAllowed);
            Assert.Equal(first.Reservation!.ReservedAt + TimeSpan.FromMinutes(1), second.RetryAt);
            // The server's clock, not the fake one (2026-01-01) nor a default: within a day of this machine's clock.
            Assert.InRange(first.Reservation.ReservedAt, DateTimeOffset.UtcNow - TimeSpan.FromDays(1), DateTimeOffset.UtcNow + TimeSpan.FromDays(1));
        }

        [Fact]
        public async Task Custom_limits_replace_the_defaults()
        {
            var options = new RedisSmsSendGuardOptions { KeyPrefix = RedisFixture.UniquePrefix() };
            options.Limits.Clear();
            options.Limits.Add(new SmsSendLimit(2, TimeSpan.FromSeconds(5)));
            var guard = new RedisSmsSendGuard(_redis, options, _time);

            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
            Assert.Equal("2 per 5 seconds", (await guard.TryReserveAsync(Sig, Mobile)).RefusedBy!.Description);
            _time.Advance(TimeSpan.FromSeconds(5));
            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
        }

        [Fact]
        public void Bad_options_are_refused()
        {
            Assert.Throws<ArgumentException>(() => new RedisSmsSendGuard(_redis, new RedisSmsSendGuardOptions { KeyPrefix = "" }));
            Assert.Throws<ArgumentNullException>(() => new RedisSmsSendGuard(null!));
        }

        private async Task<SmsGuardDecision> AllowedAt(TimeSpan offset)
        {
            _time.SetUtcNow(T0 + offset);
            SmsGuardDecision decision = await _guard.TryReserveAsync(Sig, Mobile);
            Assert.True(decision.IsAllowed, $"expected a send at +{offset} to be allowed, refused by {decision.RefusedBy}");
            Assert.Equal(T0 + offset, decision.Reservation!.ReservedAt);
            return decision;
        }

        private async Task<SmsGuardDecision> RefusedAt(TimeSpan offset)
        {
            _time.SetUtcNow(T0 + offset);
            SmsGuardDecision decision = await _guard.TryReserveAsync(Sig, Mobile);
            Assert.False(decision.IsAllowed, $"expected a send at +{offset} to be refused");
            return decision;
        }
    }
}
