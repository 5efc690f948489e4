using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests
{
    [Collection(RedisCollection.Name)]
    public class RedisGuardClientTests
    {
        private readonly RedisFixture _fixture;

        public RedisGuardClientTests(RedisFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task AddRedisGuard_wires_the_guard_and_a_provider_refusal_releases_the_slot()
        {
            string prefix = RedisFixture.UniquePrefix();
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            var services = new ServiceCollection();
            services.AddJuheSms(o => { o.Key = JuheSmsSandbox.DefaultKey; o.Signature = "【Sandbox】"; })
                .ConfigurePrimaryHttpMessageHandler(() => sandbox)
                .AddRedisGuard(_fixture.Server.Endpoint, g => g.KeyPrefix = prefix);
            using (ServiceProvider provider = services.BuildServiceProvider())
            {
                var client = provider.GetRequiredService<IJuheSmsClient>();
                Assert.IsType<RedisSmsSendGuard>(provider.GetRequiredService<ISmsSendGuard>());

                sandbox.FailNext(205401);
                await Assert.ThrowsAsync<JuheSmsException>(() => client.SendAsync(Message()));
                await client.SendAsync(Message()); // the refused send did not count
                var throttled = await Assert.ThrowsAsync<SmsThrottledException>(() => client.SendAsync(Message()));

                Assert.Equal("1 per minute", throttled.Limit.Description);
                Assert.Equal(2, sandbox.Requests);
            }

            using ConnectionMultiplexer redis = _fixture.Server.Connect();
            Assert.Equal(1, await redis.GetDatabase().SortedSetLengthAsync(prefix + "【Sandbox】:13800138000"));
        }

        [Fact]
        public void AddRedisGuard_refuses_bad_arguments_at_registration()
        {
            IHttpClientBuilder builder = new ServiceCollection().AddJuheSms(o => o.Key = "k");

            Assert.Throws<ArgumentException>("connectionString", () => builder.AddRedisGuard(" "));
            Assert.Throws<ArgumentException>(() => builder.AddRedisGuard("127.0.0.1:1", g => g.Limits.Clear()));
            Assert.Throws<ArgumentException>(() => builder.AddRedisGuard("127.0.0.1:1", g => g.KeyPrefix = ""));
        }

        private static SmsMessage Message() => new SmsMessage("13800138000", 1, new Dictionary<string, string> { ["code"] = "1234" });
    }
}
