using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Policy
{
    /// <summary>Each carrier window (page, rule 2) at its edge, on a fake clock.</summary>
    public class InMemoryGuardWindowTests
    {
        private const string Sig = "【Contoso】";
        private const string Mobile = "13800138000";
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

        private readonly FakeTimeProvider _time = new FakeTimeProvider(T0);
        private readonly InMemorySmsSendGuard _guard;

        public InMemoryGuardWindowTests()
        {
            _guard = new InMemorySmsSendGuard(null, _time);
        }

        [Fact]
        public void Defaults_are_the_pages_limits()
        {
            Assert.Equal(
                new[] { "1 per minute", "3 per 10 minutes", "4 per hour", "20 per day" },
                Array.ConvertAll(new[] { 0, 1, 2, 3 }, i => _guard.Limits[i].Description));
        }

        [Fact]
        public async Task One_per_minute_reopens_exactly_one_minute_after_the_send()
        {
            await AllowedAt(TimeSpan.Zero);

            SmsGuardDecision refused = await RefusedAt(TimeSpan.FromMinutes(1) - Tick);
            Assert.Equal(new SmsSendLimit(1, TimeSpan.FromMinutes(1)), refused.RefusedBy);
            Assert.Equal(T0 + TimeSpan.FromMinutes(1), refused.RetryAt);

            await AllowedAt(TimeSpan.FromMinutes(1));
        }

        [Fact]
        public async Task Three_per_ten_minutes_reopens_when_the_oldest_leaves()
        {
            await AllowedAt(TimeSpan.Zero);
            await AllowedAt(TimeSpan.FromMinutes(1));
            await AllowedAt(TimeSpan.FromMinutes(2));

            SmsGuardDecision refused = await RefusedAt(TimeSpan.FromMinutes(3));
            Assert.Equal(new SmsSendLimit(3, TimeSpan.FromMinutes(10)), refused.RefusedBy);
            Assert.Equal(T0 + TimeSpan.FromMinutes(10), refused.RetryAt);
            await RefusedAt(TimeSpan.FromMinutes(10) - Tick);

            await AllowedAt(TimeSpan.FromMinutes(10));
        }

        [Fact]
        public async Task When_several_windows_are_full_the_one_reopening_last_is_named()
        {
            await AllowedAt(TimeSpan.Zero);
            await AllowedAt(TimeSpan.FromMinutes(1));
            await AllowedAt(TimeSpan.FromMinutes(2));

            // 1 per minute reopens at 3:00, 3 per 10 minutes at 10:00.
            SmsGuardDecision refused = await RefusedAt(TimeSpan.FromMinutes(2.5));
            Assert.Equal(3, refused.RefusedBy!.MaxSends);
            Assert.Equal(T0 + TimeSpan.FromMinutes(10), refused.RetryAt);
        }

        [Fact]
        public async Task Four_per_hour_reopens_an_hour_after_the_first()
        {
            await AllowedAt(TimeSpan.Zero);
            await AllowedAt(TimeSpan.FromMinutes(1));
            await AllowedAt(TimeSpan.FromMinutes(2));
            await AllowedAt(TimeSpan.FromMinutes(10));

            SmsGuardDecision refused = await RefusedAt(TimeSpan.FromMinutes(20));
            Assert.Equal(new SmsSendLimit(4, TimeSpan.FromHours(1)), refused.RefusedBy);
            Assert.Equal(T0 + TimeSpan.FromHours(1), refused.RetryAt);
            await RefusedAt(TimeSpan.FromHours(1) - Tick);

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
            await RefusedAt(TimeSpan.FromDays(1) - Tick);

            await AllowedAt(TimeSpan.FromDays(1));
        }

        [Fact]
        public async Task A_released_slot_is_free_again_at_once()
        {
            SmsGuardDecision first = await AllowedAt(TimeSpan.Zero);
            await RefusedAt(TimeSpan.FromSeconds(1));

            await _guard.ReleaseAsync(first.Reservation!);

            await AllowedAt(TimeSpan.FromSeconds(2));
        }

        [Fact]
        public async Task Releasing_twice_frees_one_slot_only()
        {
            var guard = new InMemorySmsSendGuard(new SmsSendGuardOptions().With(new SmsSendLimit(2, TimeSpan.FromMinutes(1))), _time);
            SmsGuardDecision a = await guard.TryReserveAsync(Sig, Mobile);
            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);

            await guard.ReleaseAsync(a.Reservation!);
            await guard.ReleaseAsync(a.Reservation!);

            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
            Assert.False((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
        }

        [Fact]
        public async Task Numbers_and_signatures_are_counted_apart()
        {
            Assert.True((await _guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
            Assert.True((await _guard.TryReserveAsync(Sig, "13900139000")).IsAllowed);
            Assert.True((await _guard.TryReserveAsync("【Other】", Mobile)).IsAllowed);
            Assert.False((await _guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
        }

        [Fact]
        public async Task Custom_limits_replace_the_defaults()
        {
            var guard = new InMemorySmsSendGuard(new SmsSendGuardOptions().With(new SmsSendLimit(2, TimeSpan.FromSeconds(5))), _time);

            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
            SmsGuardDecision refused = await guard.TryReserveAsync(Sig, Mobile);
            Assert.Equal("2 per 5 seconds", refused.RefusedBy!.Description);

            _time.Advance(TimeSpan.FromSeconds(5));
            Assert.True((await guard.TryReserveAsync(Sig, Mobile)).IsAllowed);
        }

        [Fact]
        public async Task Memory_is_bounded_old_numbers_are_forgotten()
        {
            for (int i = 0; i < 500; i++)
            {
                Assert.True((await _guard.TryReserveAsync(Sig, "1380000" + i.ToString("D4"))).IsAllowed);
            }

            Assert.Equal(500, _guard.TrackedKeyCount);

            _time.Advance(TimeSpan.FromDays(1));
            Assert.True((await _guard.TryReserveAsync(Sig, Mobile)).IsAllowed);

            Assert.Equal(1, _guard.TrackedKeyCount);
        }

        [Fact]
        public void Bad_limits_are_refused_with_clear_errors()
        {
            Assert.Throws<ArgumentOutOfRangeException>("maxSends", () => new SmsSendLimit(0, TimeSpan.FromMinutes(1)));
            Assert.Throws<ArgumentOutOfRangeException>("window", () => new SmsSendLimit(1, TimeSpan.Zero));
            Assert.Throws<ArgumentException>(() => new InMemorySmsSendGuard(new SmsSendGuardOptions { Limits = new System.Collections.Generic.List<SmsSendLimit>() }));
            Assert.Throws<ArgumentException>(() => new InMemorySmsSendGuard(new SmsSendGuardOptions { Limits = new System.Collections.Generic.List<SmsSendLimit> { null! } }));
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
            Assert.Null(decision.Reservation);
            return decision;
        }
    }

    internal static class GuardOptionsExtensions
    {
        public static SmsSendGuardOptions With(this SmsSendGuardOptions options, params SmsSendLimit[] limits)
        {
            options.Limits = new System.Collections.Generic.List<SmsSendLimit>(limits);
            return options;
        }
    }
}
