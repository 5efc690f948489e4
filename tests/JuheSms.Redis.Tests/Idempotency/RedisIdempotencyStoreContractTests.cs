using System;
using System.Threading.Tasks;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests.Idempotency
{
    /// <summary>The store contract on <see cref="RedisSmsIdempotencyStore"/> against a real redis-server, plus its keys and TTLs.</summary>
    [Collection(RedisCollection.Name)]
    public sealed class RedisIdempotencyStoreContractTests : IdempotencyStoreContract, IDisposable
    {
        private readonly RedisFixture _fixture;
        private readonly ConnectionMultiplexer _redis;
        private readonly string _prefix = RedisFixture.UniquePrefix();

        public RedisIdempotencyStoreContractTests(RedisFixture fixture)
        {
            _fixture = fixture;
            _redis = fixture.Server.Connect();
        }

        public void Dispose() => _redis.Dispose();

        protected override ISmsIdempotencyStore CreateStore(TimeSpan? retention = null)
            => new RedisSmsIdempotencyStore(_redis, new RedisSmsIdempotencyStoreOptions { KeyPrefix = _prefix, Retention = retention ?? SmsIdempotencyOptions.DefaultRetention }, Time);

        [Fact]
        public async Task Each_key_is_one_hash_under_the_prefix_with_a_TTL_of_the_retention_renewed_on_completion()
        {
            ISmsIdempotencyStore store = CreateStore(TimeSpan.FromHours(2));
            string key = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(key, Lease)).Lease!;
            IDatabase db = _redis.GetDatabase();

            Assert.Equal(RedisType.Hash, await db.KeyTypeAsync(_prefix + key));
            Assert.Equal("p", (string?)await db.HashGetAsync(_prefix + key, "s"));
            TimeSpan? ttl = await db.KeyTimeToLiveAsync(_prefix + key);
            Assert.InRange(ttl!.Value, TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));

            await db.KeyExpireAsync(_prefix + key, TimeSpan.FromMinutes(5));
            await store.CompleteAsync(lease, new SmsSendResult(1, 1, "sid"));

            Assert.Equal("c", (string?)await db.HashGetAsync(_prefix + key, "s"));
            ttl = await db.KeyTimeToLiveAsync(_prefix + key);
            Assert.InRange(ttl!.Value, TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));
        }

        [Fact]
        public async Task A_key_is_forgotten_when_its_TTL_runs_out()
        {
            ISmsIdempotencyStore store = CreateStore(TimeSpan.FromMilliseconds(200));
            string key = NewKey();
            SmsIdempotencyLease lease = (await store.TryBeginAsync(key, Lease)).Lease!;
            await store.CompleteAsync(lease, new SmsSendResult(1, 1, "sid"));
            Assert.Equal(SmsIdempotencyStatus.Completed, (await store.TryBeginAsync(key, Lease)).Status);

            // A readiness wait on Redis's own expiry (at most 10 s), not a timing assertion.
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (await _redis.GetDatabase().KeyExistsAsync(_prefix + key) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(SmsIdempotencyStatus.Started, (await store.TryBeginAsync(key, Lease)).Status);
        }

        [Fact]
        public async Task Two_connections_share_the_keys()
        {
            using ConnectionMultiplexer other = _fixture.Server.Connect();
            var mine = CreateStore();
            var theirs = new RedisSmsIdempotencyStore(other, new RedisSmsIdempotencyStoreOptions { KeyPrefix = _prefix }, Time);
            string key = NewKey();
            SmsIdempotencyLease lease = (await mine.TryBeginAsync(key, Lease)).Lease!;

            Assert.Equal(SmsIdempotencyStatus.InFlight, (await theirs.TryBeginAsync(key, Lease)).Status);
            await mine.CompleteAsync(lease, new SmsSendResult(1, 1, "sid-shared"));
            Assert.Equal("sid-shared", (await theirs.TryBeginAsync(key, Lease)).Result!.Sid);
        }

        [Fact]
        public void Bad_options_are_refused_naming_the_setting()
        {
            Assert.Throws<ArgumentException>("KeyPrefix", () => new RedisSmsIdempotencyStore(_redis, new RedisSmsIdempotencyStoreOptions { KeyPrefix = "" }));
            Assert.Throws<ArgumentException>("Retention", () => new RedisSmsIdempotencyStore(_redis, new RedisSmsIdempotencyStoreOptions { Retention = TimeSpan.Zero }));
        }
    }
}
