using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Testing;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Policy
{
    public class ClientGuardTests
    {
        [Fact]
        public async Task Five_immediate_sends_reach_the_provider_once_and_four_are_throttled_without_network()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var harness = new PolicyHarness(new InMemorySmsSendGuard(null, time), time: time);

            SmsSendResult sent = await harness.Client.SendAsync(PolicyHarness.Message());
            var refusals = new List<SmsThrottledException>();
            for (int i = 0; i < 4; i++)
            {
                refusals.Add(await Assert.ThrowsAsync<SmsThrottledException>(() => harness.Client.SendAsync(PolicyHarness.Message())));
            }

            Assert.False(string.IsNullOrEmpty(sent.Sid));
            Assert.Equal(1, harness.Sandbox.Requests);
            Assert.Single(harness.Sandbox.Sent);
            Assert.All(refusals, ex =>
            {
                Assert.Equal("1 per minute", ex.Limit.Description);
                Assert.Equal(PolicyHarness.Noon + TimeSpan.FromMinutes(1), ex.RetryAt);
                Assert.Equal(TimeSpan.FromMinutes(1), ex.RetryAfter);
                Assert.Equal("138****8000", ex.MaskedMobile);
                Assert.Contains("1 per minute", ex.Message);
                Assert.DoesNotContain("13800138000", ex.Message);
                Assert.Equal(0, ex.ErrorCode);
            });
        }

        [Fact]
        public async Task A_definite_provider_refusal_releases_the_slot()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var harness = new PolicyHarness(new InMemorySmsSendGuard(null, time), time: time);
            harness.Sandbox.FailNext(205409);

            var refused = await Assert.ThrowsAsync<JuheSmsException>(() => harness.Client.SendAsync(PolicyHarness.Message()));
            Assert.Equal(205409, refused.ErrorCode);

            await harness.Client.SendAsync(PolicyHarness.Message());
            Assert.Equal(2, harness.Sandbox.Requests);
        }

        [Fact]
        public async Task A_failure_after_the_request_went_out_keeps_the_slot()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var guard = new InMemorySmsSendGuard(null, time);
            var handler = new FakeHttpMessageHandler((_, _) => throw new HttpRequestException("connection reset"));
            var client = new JuheSmsClient(new HttpClient(handler), TestData.Options(), null, time, guard);

            var failure = await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));
            Assert.True(failure.RequestMayHaveBeenReceived);

            await Assert.ThrowsAsync<SmsThrottledException>(() => client.SendAsync(TestData.Message()));
            Assert.Equal(1, handler.CallCount);
        }

        [Fact]
        public async Task A_failure_before_the_request_went_out_releases_the_slot()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var guard = new RecordingGuard();
            var handler = new FakeHttpMessageHandler((_, _) => throw new HttpRequestException("connection refused"), readBody: false);
            var client = new JuheSmsClient(new HttpClient(handler), TestData.Options(), null, time, guard);

            var failure = await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));

            Assert.False(failure.RequestMayHaveBeenReceived);
            Assert.Single(guard.Released);
        }

        [Fact]
        public async Task An_unexpected_response_keeps_the_slot()
        {
            var guard = new RecordingGuard();
            var handler = FakeHttpMessageHandler.Json("<html>bad gateway</html>", HttpStatusCode.BadGateway);
            var client = new JuheSmsClient(new HttpClient(handler), TestData.Options(), null, null, guard);

            await Assert.ThrowsAsync<JuheSmsResponseException>(() => client.SendAsync(TestData.Message()));

            Assert.Single(guard.Reserved);
            Assert.Empty(guard.Released);
        }

        [Fact]
        public async Task An_accepted_send_keeps_the_slot()
        {
            var guard = new RecordingGuard();
            var client = new JuheSmsClient(new HttpClient(FakeHttpMessageHandler.Json(TestData.SuccessJson)), TestData.Options(), null, null, guard);

            await client.SendAsync(TestData.Message());

            Assert.Single(guard.Reserved);
            Assert.Empty(guard.Released);
        }

        [Fact]
        public async Task An_invalid_message_fails_before_the_guard_is_asked()
        {
            var guard = new RecordingGuard();
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var client = new JuheSmsClient(new HttpClient(handler), TestData.Options(), null, null, guard);

            await Assert.ThrowsAsync<ArgumentException>("mobile", () => client.SendAsync(TestData.Message(mobile: "12345")));
            await Assert.ThrowsAsync<ArgumentNullException>("message", () => client.SendAsync(null!));

            Assert.Empty(guard.Reserved);
            Assert.Equal(0, handler.CallCount);
        }

        [Fact]
        public async Task The_guard_is_keyed_on_the_configured_signature_and_the_normalised_number()
        {
            var guard = new RecordingGuard();
            var client = new JuheSmsClient(new HttpClient(FakeHttpMessageHandler.Json(TestData.SuccessJson)), TestData.Options(o => o.Signature = " 【Contoso】 "), null, null, guard);

            await client.SendAsync(TestData.Message(mobile: "+86 138-0013-8000"));

            Assert.Equal(("【Contoso】", "13800138000"), Assert.Single(guard.Reserved));
        }

        [Fact]
        public async Task Without_a_signature_the_guard_key_is_the_number_alone()
        {
            var guard = new RecordingGuard();
            var client = new JuheSmsClient(new HttpClient(FakeHttpMessageHandler.Json(TestData.SuccessJson)), TestData.Options(), null, null, guard);

            await client.SendAsync(TestData.Message());

            Assert.Equal((string.Empty, "13800138000"), Assert.Single(guard.Reserved));
        }

        [Fact]
        public async Task A_failing_guard_stops_the_send_with_a_clear_exception()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var guard = new RecordingGuard((_, _) => throw new InvalidOperationException("store down"));
            var client = new JuheSmsClient(new HttpClient(handler), TestData.Options(), null, null, guard);

            var ex = await Assert.ThrowsAsync<SmsGuardUnavailableException>(() => client.SendAsync(TestData.Message()));

            Assert.Contains("store down", ex.Message);
            Assert.IsType<InvalidOperationException>(ex.InnerException);
            Assert.Equal(0, handler.CallCount);
        }

        [Fact]
        public async Task Without_a_guard_nothing_is_throttled()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var client = TestData.Client(handler);

            for (int i = 0; i < 5; i++)
            {
                await client.SendAsync(TestData.Message());
            }

            Assert.Equal(5, handler.CallCount);
            Assert.Null(client.SendGuard);
        }

        [Fact]
        public async Task AddInMemoryGuard_wires_the_guard_into_the_client()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var sandbox = new JuheSmsSandbox(timeProvider: time).RegisterTemplate(PolicyHarness.TplId, "您的验证码是#code#");
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddJuheSms(o => o.Key = JuheSmsSandbox.DefaultKey)
                .ConfigurePrimaryHttpMessageHandler(() => sandbox)
                .AddInMemoryGuard(g => g.Limits = new List<SmsSendLimit> { new SmsSendLimit(2, TimeSpan.FromHours(1)) });
            using ServiceProvider provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IJuheSmsClient>();

            await client.SendAsync(PolicyHarness.Message());
            time.Advance(TimeSpan.FromMinutes(5));
            await client.SendAsync(PolicyHarness.Message());
            time.Advance(TimeSpan.FromMinutes(5));
            var ex = await Assert.ThrowsAsync<SmsThrottledException>(() => client.SendAsync(PolicyHarness.Message()));

            Assert.Equal("2 per hour", ex.Limit.Description);
            Assert.Equal(2, sandbox.Requests);
            Assert.IsType<InMemorySmsSendGuard>(provider.GetRequiredService<ISmsSendGuard>());
        }

        [Fact]
        public void AddInMemoryGuard_refuses_empty_limits_at_registration()
        {
            var services = new ServiceCollection();
            IHttpClientBuilder builder = services.AddJuheSms(o => o.Key = "k");

            Assert.Throws<ArgumentException>(() => builder.AddInMemoryGuard(g => g.Limits.Clear()));
        }
    }
}
