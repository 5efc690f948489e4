using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Testing;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests
{
    /// <summary>Redis stopped mid-run: refused with a clear exception by default; let through with FailOpen. Each test owns its server.</summary>
    public class RedisGuardOutageTests
    {
        [Fact]
        public async Task By_default_a_send_is_refused_with_a_clear_exception_and_never_reaches_the_network()
        {
            await using RedisServer server = await RedisServer.StartAsync();
            using ConnectionMultiplexer redis = server.Connect();
            (JuheSmsClient client, JuheSmsSandbox sandbox) = Client(redis, failOpen: false);
            await client.SendAsync(Message("13800138000"));

            await server.StopAsync();
            var ex = await Assert.ThrowsAsync<SmsGuardUnavailableException>(() => client.SendAsync(Message("13900139000")));

            Assert.Contains("could not reach Redis", ex.Message);
            Assert.Contains("FailOpen", ex.Message);
            Assert.IsAssignableFrom<RedisException>(ex.InnerException);
            Assert.Equal(1, sandbox.Requests);
        }

        [Fact]
        public async Task With_FailOpen_the_send_goes_through_while_Redis_is_down()
        {
            await using RedisServer server = await RedisServer.StartAsync();
            using ConnectionMultiplexer redis = server.Connect();
            (JuheSmsClient client, JuheSmsSandbox sandbox) = Client(redis, failOpen: true);
            await client.SendAsync(Message("13800138000"));

            await server.StopAsync();
            SmsSendResult result = await client.SendAsync(Message("13900139000"));

            Assert.False(string.IsNullOrEmpty(result.Sid));
            Assert.Equal(2, sandbox.Requests);
        }

        [Fact]
        public async Task A_release_that_cannot_reach_Redis_does_not_hide_the_providers_refusal()
        {
            await using RedisServer server = await RedisServer.StartAsync();
            using ConnectionMultiplexer redis = server.Connect();
            var guard = new RedisSmsSendGuard(redis, new RedisSmsSendGuardOptions { KeyPrefix = "t:" });
            SmsGuardDecision decision = await guard.TryReserveAsync(string.Empty, "13800138000");

            await server.StopAsync();

            await Assert.ThrowsAsync<SmsGuardUnavailableException>(() => guard.ReleaseAsync(decision.Reservation!));
        }

        private static (JuheSmsClient, JuheSmsSandbox) Client(ConnectionMultiplexer redis, bool failOpen)
        {
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            var guard = new RedisSmsSendGuard(redis, new RedisSmsSendGuardOptions { KeyPrefix = RedisFixture.UniquePrefix(), FailOpen = failOpen });
            var client = new JuheSmsClient(
                new HttpClient(sandbox),
                new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = new Uri("http://v.juhe.cn/sms/send") },
                null,
                null,
                guard);
            return (client, sandbox);
        }

        private static SmsMessage Message(string mobile) => new SmsMessage(mobile, 1, new Dictionary<string, string> { ["code"] = "1234" });
    }
}
