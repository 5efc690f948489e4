using System;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Xunit;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>
    /// Issue 14 with the handler most services add to every client: <c>AddStandardResilienceHandler()</c> retries a POST on
    /// 5xx, on its attempt time-out and on a broken connection. Under <c>AddJuheSms</c> one send still makes one request,
    /// and the caller gets what that request got.
    /// </summary>
    public class StandardResilienceHandlerTests
    {
        private const string Html502 = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>nginx</body></html>";

        /// <summary>The standard handler with its defaults, but fast: no back-off, a short attempt time-out.</summary>
        private static void Standard(IHttpClientBuilder builder)
            => builder.AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(1);
                o.Retry.BackoffType = DelayBackoffType.Constant;
                o.Retry.UseJitter = false;
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1); // Enough for a cold first request to be written out.
            });

        /// <summary>
        /// The safe configuration on Microsoft.Extensions.Http.Resilience 8.x: no retry of the send (the client only sends
        /// POSTs, so this is what <c>o.Retry.DisableForUnsafeHttpMethods()</c> of 9.0 and later does for it).
        /// </summary>
        private static void NoRetryOfTheSend(HttpStandardResilienceOptions o) => o.Retry.ShouldHandle = _ => PredicateResult.False();

        [Fact]
        public async Task Control_without_the_guard_the_standard_handler_sends_a_502_send_four_times()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using var harness = new OneRequestHarness(server, Standard, withoutGuard: true);

            await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(4, server.Requests);
        }

        [Fact]
        public async Task A_502_is_one_request_and_the_caller_gets_its_status_and_body()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using var harness = new OneRequestHarness(server, Standard);

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(1, server.Connections);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(Html502, ex.ResponseBody);

            CapturedLog stopped = Assert.Single(harness.RepeatStopped());
            Assert.Equal(TestData.MaskedMobile, OneRequestHarness.Value(stopped, "MaskedMobile"));
            Assert.Equal("Microsoft.Extensions.Http.Resilience.ResilienceHandler", OneRequestHarness.Value(stopped, "RetryingHandler"));
            Assert.Equal("HTTP 502", OneRequestHarness.Value(stopped, "FirstOutcome"));
            Assert.DoesNotContain(TestData.Mobile, stopped.AllText);
        }

        [Fact]
        public async Task A_time_out_is_one_request_and_the_caller_gets_a_time_out_that_may_have_been_received()
        {
            using var server = new CountingHttpServer(ServerReply.NoAnswer());
            using var harness = new OneRequestHarness(server, Standard);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(1, server.Connections);
            Assert.True(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
            Assert.Single(harness.RepeatStopped());
        }

        [Fact]
        public async Task A_dropped_connection_is_one_request_and_the_caller_gets_a_failure_that_may_have_been_received()
        {
            using var server = new CountingHttpServer(ServerReply.Drop());
            using var harness = new OneRequestHarness(server, Standard);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(1, server.Connections);
            Assert.False(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
            Assert.Single(harness.RepeatStopped());
        }

        [Fact]
        public async Task The_safe_configuration_does_not_retry_the_post_so_there_is_nothing_to_stop()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using var harness = new OneRequestHarness(server, b => b.AddStandardResilienceHandler(o => NoRetryOfTheSend(o)));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Empty(harness.RepeatStopped());
        }

        [Fact]
        public async Task A_success_goes_through_untouched()
        {
            using var server = new CountingHttpServer(ServerReply.Json(TestData.SuccessJson));
            using var harness = new OneRequestHarness(server, Standard);

            SmsSendResult result = await harness.SendAsync();

            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
            Assert.Equal(1, server.Requests);
            Assert.Empty(harness.RepeatStopped());
        }

        [Fact]
        public async Task The_total_time_out_still_ends_the_send_long_before_the_clients_own()
        {
            using var server = new CountingHttpServer(ServerReply.NoAnswer());
            using var harness = new OneRequestHarness(
                server,
                b => b.AddStandardResilienceHandler(o =>
                {
                    NoRetryOfTheSend(o);
                    // Long enough for a cold first request to be written out on a busy machine, far below the client's 30 s.
                    o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                    o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(2);
                }),
                o => o.Timeout = TimeSpan.FromSeconds(30));
            var clock = Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendAsync());

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the send took {clock.Elapsed}");
            Assert.True(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
            Assert.Equal(1, server.Requests);
        }

        [Fact]
        public async Task The_circuit_breaker_still_opens_and_then_refuses_without_a_request()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("503 Service Unavailable", "busy"));
            using var harness = new OneRequestHarness(server, b => b.AddStandardResilienceHandler(o =>
            {
                NoRetryOfTheSend(o);
                o.CircuitBreaker.MinimumThroughput = 2;
                o.CircuitBreaker.FailureRatio = 0.5;
                o.CircuitBreaker.BreakDuration = TimeSpan.FromMinutes(1);
            }));

            await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());
            await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());
            await Assert.ThrowsAsync<BrokenCircuitException>(() => harness.SendAsync());

            Assert.Equal(2, server.Requests);
        }

        [Fact]
        public async Task The_rate_limiter_still_refuses_a_send_over_its_limit_without_a_request()
        {
            using var server = new CountingHttpServer(ServerReply.NoAnswer());
            using var harness = new OneRequestHarness(
                server,
                b => b.AddStandardResilienceHandler(o =>
                {
                    NoRetryOfTheSend(o);
                    o.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 1;
                    o.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 0;
                    o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
                }));

            Task<SmsSendResult> first = harness.SendAsync();
            await WaitForAsync(() => server.Requests == 1);
            await Assert.ThrowsAsync<Polly.RateLimiting.RateLimiterRejectedException>(() => harness.SendAsync());
            await Assert.ThrowsAsync<JuheSmsTransportException>(() => first);

            Assert.Equal(1, server.Requests);
        }

        private static async Task WaitForAsync(Func<bool> condition)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting");
                await Task.Delay(10);
            }
        }
    }
}
