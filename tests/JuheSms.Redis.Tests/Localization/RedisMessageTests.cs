using System;
using System.Globalization;
using System.Resources;
using System.Threading.Tasks;
using JuheSms.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests.Localization
{
    /// <summary>The Redis guard's exception messages under <c>en</c> (today's exact English) and <c>zh-Hans</c>.</summary>
    public class RedisMessageTests
    {
        [Theory]
        [InlineData("en", "The Redis connection string is empty.")]
        [InlineData("zh-Hans", "Redis 连接字符串为空。")]
        public void An_empty_connection_string(string culture, string expected)
        {
            using (UiCulture.Set(culture))
            {
                IHttpClientBuilder builder = new ServiceCollection().AddJuheSms(o => o.Key = "k");
                var ex = Assert.Throws<ArgumentException>(() => builder.AddRedisGuard(" "));
                Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("en", "RedisSmsSendGuardOptions.KeyPrefix cannot be empty.")]
        [InlineData("zh-Hans", "RedisSmsSendGuardOptions.KeyPrefix 不能为空。")]
        public void An_empty_key_prefix_in_the_registration(string culture, string expected)
        {
            using (UiCulture.Set(culture))
            {
                IHttpClientBuilder builder = new ServiceCollection().AddJuheSms(o => o.Key = "k");
                var ex = Assert.Throws<ArgumentException>(() => builder.AddRedisGuard("127.0.0.1:1", o => o.KeyPrefix = ""));
                Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("en", "RedisSmsSendGuardOptions.KeyPrefix cannot be empty: the guard's keys need a namespace of their own.")]
        [InlineData("zh-Hans", "RedisSmsSendGuardOptions.KeyPrefix 不能为空：频率守卫的键需要一个独立的前缀。")]
        public void An_empty_key_prefix_in_the_constructor(string culture, string expected)
        {
            using ConnectionMultiplexer redis = ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=100");
            using (UiCulture.Set(culture))
            {
                var ex = Assert.Throws<ArgumentException>(() => new RedisSmsSendGuard(redis, new RedisSmsSendGuardOptions { KeyPrefix = "" }));
                Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("en", "The SMS send guard could not reach Redis, so the frequency limits could not be checked and nothing was sent. Check the Redis connection, or set RedisSmsSendGuardOptions.FailOpen to let sends through unchecked during an outage. ", "The SMS send guard could not release a slot in Redis: ")]
        [InlineData("zh-Hans", "短信发送频率守卫连不上 Redis，无法检查频率限制，本次没有发送。请检查 Redis 连接；如果希望 Redis 故障期间不经检查直接放行，请设置 RedisSmsSendGuardOptions.FailOpen。", "短信发送频率守卫无法在 Redis 中释放已占用的名额：")]
        public async Task Redis_down(string culture, string reserveStart, string releaseStart)
        {
            await using RedisServer server = await RedisServer.StartAsync();
            using ConnectionMultiplexer redis = server.Connect();
            var guard = new RedisSmsSendGuard(redis, new RedisSmsSendGuardOptions { KeyPrefix = RedisFixture.UniquePrefix() });
            SmsGuardDecision decision = await guard.TryReserveAsync(string.Empty, "13800138000");
            await server.StopAsync();

            using (UiCulture.Set(culture))
            {
                var reserve = await Assert.ThrowsAsync<SmsGuardUnavailableException>(() => guard.TryReserveAsync(string.Empty, "13900139000"));
                Assert.Equal(reserveStart + reserve.InnerException!.Message, reserve.Message);

                var release = await Assert.ThrowsAsync<SmsGuardUnavailableException>(() => guard.ReleaseAsync(decision.Reservation!));
                Assert.Equal(releaseStart + release.InnerException!.Message, release.Message);
            }
        }

        [Theory]
        [InlineData("en", "The SMS send guard's Redis script failed; nothing was sent: ")]
        [InlineData("zh-Hans", "短信发送频率守卫的 Redis 脚本执行失败，本次没有发送：")]
        public async Task The_script_fails(string culture, string start)
        {
            await using RedisServer server = await RedisServer.StartAsync();
            using ConnectionMultiplexer redis = server.Connect();
            string prefix = RedisFixture.UniquePrefix();
            var guard = new RedisSmsSendGuard(redis, new RedisSmsSendGuardOptions { KeyPrefix = prefix });
            // A string where the script expects a sorted set: Redis answers WRONGTYPE.
            await redis.GetDatabase().StringSetAsync(guard.Key(string.Empty, "13800138000"), "not a sorted set");

            using (UiCulture.Set(culture))
            {
                var ex = await Assert.ThrowsAsync<SmsGuardUnavailableException>(() => guard.TryReserveAsync(string.Empty, "13800138000"));
                Assert.Equal(start + ex.InnerException!.Message, ex.Message);
                Assert.IsAssignableFrom<RedisException>(ex.InnerException);
            }
        }

        [Fact]
        public void The_built_assembly_carries_the_same_names_in_both_languages()
        {
            ResxFile neutral = ResxFile.Load("src/JuheSms.Redis/Resources/RedisStrings.resx");
            ResourceManager manager = RedisStrings.Manager;
            ResourceSet english = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
            ResourceSet chinese = manager.GetResourceSet(CultureInfo.GetCultureInfo("zh-Hans"), createIfNotExists: true, tryParents: false)!;

            Assert.NotNull(chinese);
            foreach (var entry in neutral.Values)
            {
                Assert.Equal(entry.Value, english.GetString(entry.Key));
                Assert.False(string.IsNullOrEmpty(chinese.GetString(entry.Key)), entry.Key + " is missing from the zh-Hans satellite assembly");
            }
        }
    }
}
