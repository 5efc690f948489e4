using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Extensions.Http;
using Xunit;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>
    /// Issue 14 with the other ways of adding retries under the client: a resilience pipeline of one's own
    /// (<c>AddResilienceHandler</c>), Polly's <c>AddPolicyHandler</c> (Microsoft.Extensions.Http.Polly) and a hand-written
    /// <see cref="DelegatingHandler"/>. Each would resend; each time one request reaches the server.
    /// </summary>
    public class OtherRetryHandlerTests
    {
        private const string Html502 = "<html><body><h1>502 Bad Gateway</h1></body></html>";

        private static void OwnRetryPipeline(IHttpClientBuilder builder)
            => builder.AddResilienceHandler("retry", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 5,
                Delay = TimeSpan.FromMilliseconds(1),
                BackoffType = DelayBackoffType.Constant,
            }));

        private static void PollyPolicy(IHttpClientBuilder builder)
            => builder.AddPolicyHandler(HttpPolicyExtensions.HandleTransientHttpError().RetryAsync(3));

        [Fact]
        public async Task Control_without_the_guard_each_of_them_resends()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using (var own = new OneRequestHarness(server, OwnRetryPipeline, withoutGuard: true))
            {
                await Assert.ThrowsAsync<JuheSmsResponseException>(() => own.SendAsync());
            }

            Assert.Equal(6, server.Requests);
            using (var polly = new OneRequestHarness(server, PollyPolicy, withoutGuard: true))
            {
                await Assert.ThrowsAsync<JuheSmsResponseException>(() => polly.SendAsync());
            }

            Assert.Equal(6 + 4, server.Requests);
        }

        [Fact]
        public async Task AddResilienceHandler_with_a_retry_makes_one_request_and_the_caller_gets_the_502()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using var harness = new OneRequestHarness(server, OwnRetryPipeline);

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(Html502, ex.ResponseBody);
            Assert.Equal("Microsoft.Extensions.Http.Resilience.ResilienceHandler", OneRequestHarness.Value(Assert.Single(harness.RepeatStopped()), "RetryingHandler"));
        }

        [Fact]
        public async Task AddResilienceHandler_with_a_retry_on_a_dropped_connection_makes_one_request()
        {
            using var server = new CountingHttpServer(ServerReply.Drop());
            using var harness = new OneRequestHarness(server, OwnRetryPipeline);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.True(ex.RequestMayHaveBeenReceived);
            Assert.False(ex.IsTimeout);
        }

        [Fact]
        public async Task Pollys_AddPolicyHandler_with_a_retry_makes_one_request_and_the_caller_gets_the_502()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using var harness = new OneRequestHarness(server, PollyPolicy);

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(Html502, ex.ResponseBody);
            Assert.Equal("Microsoft.Extensions.Http.PolicyHttpMessageHandler", OneRequestHarness.Value(Assert.Single(harness.RepeatStopped()), "RetryingHandler"));
        }

        [Fact]
        public async Task Pollys_AddPolicyHandler_with_a_retry_on_a_dropped_connection_makes_one_request()
        {
            using var server = new CountingHttpServer(ServerReply.Drop());
            using var harness = new OneRequestHarness(server, PollyPolicy);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.True(ex.RequestMayHaveBeenReceived);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_hand_written_catch_all_retry_makes_one_request_and_the_caller_gets_the_502(bool answerInsteadOfThrowing)
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            var retry = new HandWrittenRetryHandler { AnswerInsteadOfThrowing = answerInsteadOfThrowing };
            using var harness = new OneRequestHarness(server, b => b.AddHttpMessageHandler(() => retry));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(4, retry.Tries); // It did try four times: the guard stopped three.
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(Html502, ex.ResponseBody);
            CapturedLog[] stopped = harness.RepeatStopped();
            Assert.Equal(3, stopped.Length);
            Assert.All(stopped, e => Assert.Equal(typeof(HandWrittenRetryHandler).FullName, OneRequestHarness.Value(e, "RetryingHandler")));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_hand_written_retry_on_a_dropped_connection_makes_one_request(bool answerInsteadOfThrowing)
        {
            using var server = new CountingHttpServer(ServerReply.Drop());
            var retry = new HandWrittenRetryHandler { AnswerInsteadOfThrowing = answerInsteadOfThrowing };
            using var harness = new OneRequestHarness(server, b => b.AddHttpMessageHandler(() => retry));

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(4, retry.Tries);
            Assert.True(ex.RequestMayHaveBeenReceived);
            Assert.False(ex.IsTimeout);
        }

        [Fact]
        public async Task A_handler_that_throws_on_the_first_502_without_retrying_leaves_the_caller_the_502()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using var harness = new OneRequestHarness(server, b => b.AddHttpMessageHandler(() => new EnsureSuccessHandler()));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(Html502, ex.ResponseBody);
            Assert.Empty(harness.RepeatStopped());
        }

        [Fact]
        public async Task A_hand_written_retry_that_sends_a_copy_of_the_request_without_its_options_makes_one_request()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            var retry = new HandWrittenRetryHandler { CloneWithoutOptions = true };
            using var harness = new OneRequestHarness(server, b => b.AddHttpMessageHandler(() => retry));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        }

        [Fact]
        public async Task A_hand_written_retry_that_replaced_the_body_is_recognised_by_the_request_option()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            var retry = new HandWrittenRetryHandler { ReplaceBody = true };
            using var harness = new OneRequestHarness(server, b => b.AddHttpMessageHandler(() => retry));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(4, retry.Tries);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        }

        [Fact]
        public async Task A_handler_that_repeats_a_success_it_kept_makes_one_request_and_the_caller_gets_the_success()
        {
            using var server = new CountingHttpServer(ServerReply.Json(TestData.SuccessJson));
            var retry = new HandWrittenRetryHandler { RetryEverySuccessOnce = true };
            using var harness = new OneRequestHarness(server, b => b.AddHttpMessageHandler(() => retry));

            SmsSendResult result = await harness.SendAsync();

            Assert.Equal(1, server.Requests);
            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
            // The handler tried three more times (catch-all) and gave up with the guard's exception: the client reports the 200.
            Assert.Equal(4, retry.Tries);
            Assert.Equal(3, harness.RepeatStopped().Length);
            Assert.All(harness.RepeatStopped(), e => Assert.Equal("HTTP 200", OneRequestHarness.Value(e, "FirstOutcome")));
        }

        [Fact]
        public async Task The_clients_own_retry_of_205403_is_a_new_attempt_and_still_sends_twice()
        {
            using var server = new CountingHttpServer(n => n == 1 ? ServerReply.Json(TestData.ErrorJson(205403, "网络错误,请重试")) : ServerReply.Json(TestData.SuccessJson));
            using var harness = new OneRequestHarness(
                server,
                b => b.AddStandardResilienceHandler(),
                o =>
                {
                    o.RetryOnRetryableErrors = true;
                    o.RetryDelay = TimeSpan.Zero;
                });

            SmsSendResult result = await harness.SendAsync();

            Assert.Equal(2, server.Requests);
            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
            Assert.Empty(harness.RepeatStopped());
        }

        [Fact]
        public async Task The_clients_own_retry_of_205409_under_a_retrying_handler_still_sends_twice_and_no_more()
        {
            using var server = new CountingHttpServer(n => n == 1 ? ServerReply.Json(TestData.ErrorJson(205409, "发送失败,请重试")) : ServerReply.Answer("502 Bad Gateway", Html502));
            var retry = new HandWrittenRetryHandler();
            using var harness = new OneRequestHarness(
                server,
                b => b.AddHttpMessageHandler(() => retry),
                o =>
                {
                    o.RetryOnRetryableErrors = true;
                    o.RetryDelay = TimeSpan.Zero;
                });

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            // Attempt 1: 205409 (a 200, not retried by the handler); attempt 2: the 502, whose three repeats are stopped.
            Assert.Equal(2, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(3, harness.RepeatStopped().Length);
            Assert.All(harness.RepeatStopped(), e => Assert.Equal("2", OneRequestHarness.Value(e, "Attempt")));
        }
    
        /// <summary>Throws <see cref="HttpRequestException"/> for a non-success answer, as <c>EnsureSuccessStatusCode()</c> handlers do.</summary>
        private sealed class EnsureSuccessHandler : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    response.Dispose();
                    throw new HttpRequestException("Response status code does not indicate success: " + (int)response.StatusCode);
                }

                return response;
            }
        }
    }
}
