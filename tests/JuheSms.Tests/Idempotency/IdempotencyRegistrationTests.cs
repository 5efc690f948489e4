using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Idempotency
{
    /// <summary><c>AddInMemoryIdempotency()</c> and <c>AddIdempotencyStore(...)</c> on the builder <c>AddJuheSms</c> returns.</summary>
    public class IdempotencyRegistrationTests
    {
        [Fact]
        public async Task AddInMemoryIdempotency_gives_the_client_a_store_on_the_containers_clock()
        {
            var time = new FakeTimeProvider(IdempotencyHarness.Noon);
            var sandbox = new JuheSmsSandbox(timeProvider: time).RegisterTemplate(1, "您的验证码是#code#");
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddJuheSms(o => o.Key = JuheSmsSandbox.DefaultKey)
                .ConfigurePrimaryHttpMessageHandler(() => sandbox)
                .AddInMemoryGuard()
                .AddInMemoryIdempotency(o => o.Retention = TimeSpan.FromHours(1));
            using ServiceProvider provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IJuheSmsClient>();
            var store = Assert.IsType<InMemorySmsIdempotencyStore>(provider.GetRequiredService<ISmsIdempotencyStore>());

            SmsSendResult first = await client.SendAsync(Message("order-1"));
            SmsSendResult again = await client.SendAsync(Message("order-1")); // no guard slot: a second send would be throttled
            Assert.Equal(1, sandbox.Requests);
            time.Advance(TimeSpan.FromHours(1)); // the retention, on the container's clock
            SmsSendResult afterRetention = await client.SendAsync(Message("order-1"));

            Assert.True(again.IsReplayed);
            Assert.Equal(first.Sid, again.Sid);
            Assert.False(afterRetention.IsReplayed);
            Assert.Equal(2, sandbox.Requests);
            Assert.Equal(1, store.Count);
        }

        [Fact]
        public void A_later_registration_replaces_the_store()
        {
            var custom = new InMemorySmsIdempotencyStore();
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = "k").AddInMemoryIdempotency().AddIdempotencyStore(_ => custom);
            using ServiceProvider provider = services.BuildServiceProvider();

            Assert.Same(custom, provider.GetRequiredService<ISmsIdempotencyStore>());
        }

        [Fact]
        public void Bad_arguments_are_refused_at_registration()
        {
            IHttpClientBuilder builder = new ServiceCollection().AddJuheSms(o => o.Key = "k");

            Assert.Throws<ArgumentNullException>("builder", () => JuheSmsIdempotencyBuilderExtensions.AddInMemoryIdempotency(null!));
            Assert.Throws<ArgumentException>("Retention", () => builder.AddInMemoryIdempotency(o => o.Retention = TimeSpan.Zero));
            Assert.Throws<ArgumentException>("MaxKeys", () => builder.AddInMemoryIdempotency(o => o.MaxKeys = 0));
            Assert.Throws<ArgumentNullException>("factory", () => builder.AddIdempotencyStore(null!));
        }

        private static SmsMessage Message(string key) => new SmsMessage("13800138000", 1, new Dictionary<string, string> { ["code"] = "1234" }) { IdempotencyKey = key };
    }
}
