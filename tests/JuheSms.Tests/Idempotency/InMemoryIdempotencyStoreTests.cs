using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Idempotency
{
    /// <summary>The in-memory store's memory bound and sweep (the contract both stores share is in JuheSms.Redis.Tests).</summary>
    public class InMemoryIdempotencyStoreTests
    {
        private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
        private readonly FakeTimeProvider _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

        [Fact]
        public async Task A_full_store_refuses_a_new_key_and_keeps_every_key_it_holds()
        {
            var store = new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { MaxKeys = 3 }, _time);
            for (int i = 0; i < 3; i++)
            {
                SmsIdempotencyLease lease = (await store.TryBeginAsync("k" + i, Lease)).Lease!;
                await store.CompleteAsync(lease, new SmsSendResult(1, 1, "sid" + i));
            }

            var full = await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => store.TryBeginAsync("k3", Lease));

            Assert.Contains("MaxKeys", full.Message);
            Assert.Contains("nothing was sent", full.Message);
            Assert.Equal(3, store.Count);
            Assert.Equal("sid0", (await store.TryBeginAsync("k0", Lease)).Result!.Sid); // a held key still answers
        }

        [Fact]
        public async Task A_full_store_takes_new_keys_again_once_old_ones_expire()
        {
            var store = new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { MaxKeys = 2, Retention = TimeSpan.FromMinutes(10) }, _time);
            await store.TryBeginAsync("a", Lease);
            await store.TryBeginAsync("b", Lease);
            await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => store.TryBeginAsync("c", Lease));

            _time.Advance(TimeSpan.FromMinutes(10));

            Assert.Equal(SmsIdempotencyStatus.Started, (await store.TryBeginAsync("c", Lease)).Status);
            Assert.Equal(1, store.Count);
        }

        [Fact]
        public async Task Memory_stays_bounded_by_the_keys_of_one_retention_period_however_many_sends_pass()
        {
            var store = new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { Retention = TimeSpan.FromMinutes(1) }, _time);
            for (int i = 0; i < 10_000; i++)
            {
                SmsIdempotencyLease lease = (await store.TryBeginAsync("key-" + i, Lease)).Lease!;
                await store.CompleteAsync(lease, new SmsSendResult(1, 1, "sid"));
                _time.Advance(TimeSpan.FromMilliseconds(60)); // 1,000 keys per minute of retention
            }

            // One retention period holds 1,000 keys; the sweep runs once a second, so up to ~17 more wait for it.
            Assert.InRange(store.Count, 1_000, 1_020);
        }

        [Fact]
        public async Task Released_keys_leave_nothing_behind()
        {
            var store = new InMemorySmsIdempotencyStore(null, _time);
            for (int i = 0; i < 1_000; i++)
            {
                SmsIdempotencyLease lease = (await store.TryBeginAsync("key-" + i, Lease)).Lease!;
                await store.ReleaseAsync(lease);
            }

            Assert.Equal(0, store.Count);
        }

        [Fact]
        public async Task Only_the_key_s_current_lease_completes_it_an_old_or_forged_token_changes_nothing()
        {
            var store = new InMemorySmsIdempotencyStore(null, _time);
            SmsIdempotencyLease first = (await store.TryBeginAsync("k", Lease)).Lease!;
            await store.ReleaseAsync(first);
            SmsIdempotencyLease second = (await store.TryBeginAsync("k", Lease)).Lease!;

            await store.CompleteAsync(first, new SmsSendResult(1, 1, "old"));
            await store.CompleteAsync(new SmsIdempotencyLease("k", "0" + second.Token, second.ExpiresAt), new SmsSendResult(1, 1, "forged"));
            await store.CompleteAsync(new SmsIdempotencyLease("k", second.Token + " ", second.ExpiresAt), new SmsSendResult(1, 1, "forged"));
            await store.MarkUnknownAsync(first);
            Assert.Equal(SmsIdempotencyStatus.InFlight, (await store.TryBeginAsync("k", Lease)).Status);

            await store.CompleteAsync(second, new SmsSendResult(1, 1, "sid"));
            SmsIdempotencyDecision done = await store.TryBeginAsync("k", Lease);
            Assert.Equal(SmsIdempotencyStatus.Completed, done.Status);
            Assert.Equal("sid", done.Result!.Sid);
        }

        [Theory]
        [InlineData("23d6bc4913614919a823271d820662af")]
        [InlineData("00000000000000000000000000000000")]
        [InlineData("ffffffffffffffffffffffffffffffff")]
        [InlineData("0f0000000000000000000000000000f0")]
        [InlineData("23D6BC4913614919A823271D820662AF")]
        [InlineData("23d6bc4913614919a823271d820662a")]
        [InlineData("23d6bc4913614919a823271d820662afe")]
        [InlineData("not hexadecimal, but 32 long !!!")]
        [InlineData("123456")]
        [InlineData("")]
        public async Task A_repeat_gets_the_first_result_exactly_whatever_the_sid_looks_like(string sid)
        {
            var store = new InMemorySmsIdempotencyStore(null, _time);
            SmsIdempotencyLease lease = (await store.TryBeginAsync("k", Lease)).Lease!;
            await store.CompleteAsync(lease, new SmsSendResult(3, 2, sid));

            SmsSendResult again = (await store.TryBeginAsync("k", Lease)).Result!;

            Assert.Equal(sid, again.Sid);
            Assert.Equal(3, again.Count);
            Assert.Equal(2, again.Fee);
        }

        [Fact]
        public void On_the_system_clock_the_store_s_time_follows_the_wall_clock_and_never_steps_back()
        {
            StoreClock clock = StoreClock.For(TimeProvider.System);
            long previous = clock.UtcNowTicks();
            for (int i = 0; i < 1000; i++)
            {
                long now = clock.UtcNowTicks();
                Assert.True(now >= previous);
                previous = now;
            }

            Assert.InRange(new DateTimeOffset(previous, TimeSpan.Zero), DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal(_time.GetUtcNow().UtcTicks, StoreClock.For(_time).UtcNowTicks()); // any other clock is read as it is
        }

        [Fact]
        public void Bad_options_are_refused_naming_the_setting()
        {
            Assert.Throws<ArgumentException>("Retention", () => new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { Retention = TimeSpan.Zero }));
            Assert.Throws<ArgumentException>("Retention", () => new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { Retention = TimeSpan.FromSeconds(-1) }));
            Assert.Throws<ArgumentException>("MaxKeys", () => new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { MaxKeys = 0 }));
        }

        [Fact]
        public void The_default_retention_is_24_hours()
        {
            Assert.Equal(TimeSpan.FromHours(24), new InMemorySmsIdempotencyStoreOptions().Retention);
            Assert.Equal(TimeSpan.FromHours(24), SmsIdempotencyOptions.DefaultRetention);
        }
    }
}
