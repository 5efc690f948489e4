using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests.Idempotency
{
    /// <summary>The Redis store behind the client: registration, replays across client instances, and fail-closed.</summary>
    [Collection(RedisCollection.Name)]
    public class RedisIdempotencyClientTests
    {
        private readonly RedisFixture _fixture;

        public RedisIdempotencyClientTests(RedisFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task AddRedisIdempotency_wires_the_store_and_a_second_container_gets_the_first_result()
        {
            string prefix = RedisFixture.UniquePrefix();
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");

            async Task<SmsSendResult> SendInNewContainerAsync()
            {
                var services = new ServiceCollection();
                services.AddJuheSms(o => o.Key = JuheSmsSandbox.DefaultKey)
                    .ConfigurePrimaryHttpMessageHandler(() => sandbox)
                    .AddRedisIdempotency(_fixture.Server.Endpoint, o => o.KeyPrefix = prefix);
                using ServiceProvider provider = services.BuildServiceProvider();
                Assert.IsType<RedisSmsIdempotencyStore>(provider.GetRequiredService<ISmsIdempotencyStore>());
                return await provider.GetRequiredService<IJuheSmsClient>().SendAsync(Message("order-1"));
            }

            SmsSendResult first = await SendInNewContainerAsync();
            SmsSendResult again = await SendInNewContainerAsync();

            Assert.True(again.IsReplayed);
            Assert.Equal(first.Sid, again.Sid);
            Assert.Equal(1, sandbox.Requests);
            using ConnectionMultiplexer redis = _fixture.Server.Connect();
            Assert.Equal(first.Sid, (string?)await redis.GetDatabase().HashGetAsync(prefix + "order-1", "i"));
        }

        [Fact]
        public void AddRedisIdempotency_refuses_bad_arguments_at_registration()
        {
            IHttpClientBuilder builder = new ServiceCollection().AddJuheSms(o => o.Key = "k");

            Assert.Throws<ArgumentException>("connectionString", () => builder.AddRedisIdempotency(" "));
            Assert.Throws<ArgumentException>("KeyPrefix", () => builder.AddRedisIdempotency("127.0.0.1:1", o => o.KeyPrefix = ""));
            Assert.Throws<ArgumentException>("Retention", () => builder.AddRedisIdempotency("127.0.0.1:1", o => o.Retention = TimeSpan.FromSeconds(-1)));
            Assert.Throws<ArgumentNullException>("connection", () => builder.AddRedisIdempotency((Func<IServiceProvider, IConnectionMultiplexer>)null!));
        }

        [Fact]
        public async Task With_Redis_down_a_send_with_a_key_is_refused_and_never_reaches_the_network()
        {
            await using RedisServer server = await RedisServer.StartAsync();
            using ConnectionMultiplexer redis = server.Connect();
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            sandbox.EnforceFrequencyLimits = false;
            var client = new JuheSmsClient(
                new HttpClient(sandbox),
                new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = new Uri("http://v.juhe.cn/sms/send") },
                null,
                null,
                null,
                new RedisSmsIdempotencyStore(redis, new RedisSmsIdempotencyStoreOptions { KeyPrefix = RedisFixture.UniquePrefix() }));
            await client.SendAsync(Message("order-1"));

            await server.StopAsync();
            var ex = await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => client.SendAsync(Message("order-2")));

            Assert.Contains("nothing was sent", ex.Message);
            Assert.Equal(1, sandbox.Requests);
            await client.SendAsync(Message(null)); // a send without a key does not need the store
            Assert.Equal(2, sandbox.Requests);
        }

        private static SmsMessage Message(string? key) => new SmsMessage("13800138000", 1, new Dictionary<string, string> { ["code"] = "1234" }) { IdempotencyKey = key };
    }
}
