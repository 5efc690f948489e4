using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Redis.Tests.Idempotency
{
    /// <summary>
    /// What every <see cref="ISmsIdempotencyStore"/> must do, run against both stores (the Redis one on a real redis-server).
    /// The clock is a <see cref="FakeTimeProvider"/> for the leases; retention in Redis is Redis's own TTL (real time).
    /// </summary>
    public abstract class IdempotencyStoreContract
    {
        protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

        protected FakeTimeProvider Time { get; } = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

        protected abstract ISmsIdempotencyStore CreateStore(TimeSpan? retention = null);

        protected static string NewKey() => "order-" + Guid.NewGuid().ToString("N");

        [Fact]
        public async Task A_new_key_is_taken_with_a_lease_that_ends_after_the_given_time()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();

            SmsIdempotencyDecision decision = await store.TryBeginAsync(key, Lease);

            Assert.Equal(SmsIdempotencyStatus.Started, decision.Status);
            Assert.Equal(key, decision.Lease!.Key);
            Assert.False(string.IsNullOrEmpty(decision.Lease.Token));
            Assert.Equal(Time.GetUtcNow() + Lease, decision.Lease.ExpiresAt);
            Assert.Null(decision.Result);
        }

        [Fact]
        public async Task A_taken_key_is_in_flight_until_its_lease_ends_and_then_of_unknown_outcome()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();
            await store.TryBeginAsync(key, Lease);

            Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
            Assert.Equal(SmsIdempotencyStatus.InFlight, (await store.TryBeginAsync(key, Lease)).Status);

            Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(SmsIdempotencyStatus.OutcomeUnknown, (await store.TryBeginAsync(key, Lease)).Status);
            Assert.Equal(SmsIdempotencyStatus.OutcomeUnknown, (await store.TryBeginAsync(key, Lease)).Status);
        }

        [Fact]
        public async Task A_completed_key_returns_the_first_result()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(key, Lease)).Lease!;

            await store.CompleteAsync(lease, new SmsSendResult(1, 2, "sid-短信-1"));
            Time.Advance(TimeSpan.FromHours(1)); // long past the lease
            SmsIdempotencyDecision again = await store.TryBeginAsync(key, Lease);

            Assert.Equal(SmsIdempotencyStatus.Completed, again.Status);
            Assert.Null(again.Lease);
            Assert.Equal(1, again.Result!.Count);
            Assert.Equal(2, again.Result.Fee);
            Assert.Equal("sid-短信-1", again.Result.Sid);
        }

        [Fact]
        public async Task A_completed_key_keeps_its_result_when_a_later_release_or_mark_comes_with_its_lease()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(key, Lease)).Lease!;
            await store.CompleteAsync(lease, new SmsSendResult(1, 1, "sid-a"));

            await store.ReleaseAsync(lease);
            await store.MarkUnknownAsync(lease);

            SmsIdempotencyDecision again = await store.TryBeginAsync(key, Lease);
            Assert.Equal(SmsIdempotencyStatus.Completed, again.Status);
            Assert.Equal("sid-a", again.Result!.Sid);
        }

        [Fact]
        public async Task A_key_marked_unknown_is_of_unknown_outcome_at_once()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(key, Lease)).Lease!;

            await store.MarkUnknownAsync(lease);

            Assert.Equal(SmsIdempotencyStatus.OutcomeUnknown, (await store.TryBeginAsync(key, Lease)).Status);
        }

        [Fact]
        public async Task A_released_key_may_be_taken_again_by_a_new_send()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();
            SmsIdempotencyLease first = (await store.TryBeginAsync(key, Lease)).Lease!;

            await store.ReleaseAsync(first);
            SmsIdempotencyDecision second = await store.TryBeginAsync(key, Lease);

            Assert.Equal(SmsIdempotencyStatus.Started, second.Status);
            Assert.NotEqual(first.Token, second.Lease!.Token);
        }

        [Fact]
        public async Task A_stale_lease_can_neither_release_nor_complete_nor_mark_the_key_of_a_newer_send()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();
            SmsIdempotencyLease stale = (await store.TryBeginAsync(key, Lease)).Lease!;
            await store.ReleaseAsync(stale);
            SmsIdempotencyLease current = (await store.TryBeginAsync(key, Lease)).Lease!;

            await store.ReleaseAsync(stale);
            await store.MarkUnknownAsync(stale);
            await store.CompleteAsync(stale, new SmsSendResult(1, 1, "sid-stale"));

            Assert.Equal(SmsIdempotencyStatus.InFlight, (await store.TryBeginAsync(key, Lease)).Status);
            await store.CompleteAsync(current, new SmsSendResult(1, 1, "sid-current"));
            Assert.Equal("sid-current", (await store.TryBeginAsync(key, Lease)).Result!.Sid);
        }

        [Fact]
        public async Task A_key_of_unknown_outcome_cannot_be_released_into_a_resend()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(key, Lease)).Lease!;
            await store.MarkUnknownAsync(lease);

            await store.ReleaseAsync(lease);

            Assert.Equal(SmsIdempotencyStatus.OutcomeUnknown, (await store.TryBeginAsync(key, Lease)).Status);
        }

        [Fact]
        public async Task Of_many_concurrent_begins_with_one_key_exactly_one_is_started()
        {
            ISmsIdempotencyStore store = CreateStore();
            string key = NewKey();

            SmsIdempotencyDecision[] decisions = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => store.TryBeginAsync(key, Lease))));

            Assert.Equal(1, decisions.Count(d => d.Status == SmsIdempotencyStatus.Started));
            Assert.Equal(63, decisions.Count(d => d.Status == SmsIdempotencyStatus.InFlight));
        }

        [Fact]
        public async Task Different_keys_do_not_see_each_other()
        {
            ISmsIdempotencyStore store = CreateStore();
            string a = NewKey(), b = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(a, Lease)).Lease!;
            await store.CompleteAsync(lease, new SmsSendResult(1, 1, "sid-a"));

            Assert.Equal(SmsIdempotencyStatus.Started, (await store.TryBeginAsync(b, Lease)).Status);
        }

        [Fact]
        public async Task Null_arguments_are_refused()
        {
            ISmsIdempotencyStore store = CreateStore();
            var lease = new SmsIdempotencyLease("k", "t", DateTimeOffset.UnixEpoch);

            await Assert.ThrowsAsync<ArgumentNullException>("key", () => store.TryBeginAsync(null!, Lease));
            await Assert.ThrowsAsync<ArgumentNullException>("lease", () => store.CompleteAsync(null!, new SmsSendResult(1, 1, "s")));
            await Assert.ThrowsAsync<ArgumentNullException>("result", () => store.CompleteAsync(lease, null!));
            await Assert.ThrowsAsync<ArgumentNullException>("lease", () => store.MarkUnknownAsync(null!));
            await Assert.ThrowsAsync<ArgumentNullException>("lease", () => store.ReleaseAsync(null!));
        }
    }
}
