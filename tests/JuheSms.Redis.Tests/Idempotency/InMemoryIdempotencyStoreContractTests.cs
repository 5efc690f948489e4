using System;
using System.Threading.Tasks;
using Xunit;

namespace JuheSms.Redis.Tests.Idempotency
{
    /// <summary>The store contract on <see cref="InMemorySmsIdempotencyStore"/>, plus its retention on the fake clock.</summary>
    public class InMemoryIdempotencyStoreContractTests : IdempotencyStoreContract
    {
        protected override ISmsIdempotencyStore CreateStore(TimeSpan? retention = null)
            => new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { Retention = retention ?? SmsIdempotencyOptions.DefaultRetention }, Time);

        [Fact]
        public async Task A_completed_key_is_forgotten_after_the_retention_counted_from_its_completion()
        {
            ISmsIdempotencyStore store = CreateStore(TimeSpan.FromHours(24));
            string key = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(key, Lease)).Lease!;
            Time.Advance(TimeSpan.FromHours(1));
            await store.CompleteAsync(lease, new SmsSendResult(1, 1, "sid"));

            Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromTicks(1));
            Assert.Equal(SmsIdempotencyStatus.Completed, (await store.TryBeginAsync(key, Lease)).Status);
            Time.Advance(TimeSpan.FromTicks(1));
            Assert.Equal(SmsIdempotencyStatus.Started, (await store.TryBeginAsync(key, Lease)).Status);
        }
    }
}
