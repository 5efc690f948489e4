using System;
using System.Threading.Tasks;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests.Idempotency
{
    /// <summary>Redis stopped: every step of the store throws <see cref="SmsIdempotencyUnavailableException"/> (the client then sends nothing).</summary>
    public class RedisIdempotencyOutageTests
    {
        [Fact]
        public async Task Every_step_fails_closed_with_a_clear_exception_when_Redis_is_down()
        {
            await using RedisServer server = await RedisServer.StartAsync();
            using ConnectionMultiplexer redis = server.Connect();
            var store = new RedisSmsIdempotencyStore(redis, new RedisSmsIdempotencyStoreOptions { KeyPrefix = RedisFixture.UniquePrefix() });
            SmsIdempotencyLease lease = (await store.TryBeginAsync("k1", TimeSpan.FromSeconds(30))).Lease!;

            await server.StopAsync();

            var begin = await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => store.TryBeginAsync("k2", TimeSpan.FromSeconds(30)));
            Assert.Contains("nothing was sent", begin.Message);
            Assert.IsAssignableFrom<RedisException>(begin.InnerException);
            await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => store.CompleteAsync(lease, new SmsSendResult(1, 1, "s")));
            await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => store.MarkUnknownAsync(lease));
            await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => store.ReleaseAsync(lease));
        }
    }
}
