using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests.Localization
{
    /// <summary>
    /// What a send throws when the answer is not the documented one, when no answer comes, and when the caller cancels:
    /// today's exact English under <c>en</c>, the Chinese resources under <c>zh-Hans</c>.
    /// </summary>
    public class SendFailureMessageTests
    {
        private const string UnknownOutcome = "; the send's outcome is unknown (it may have been accepted and billed).";
        private const string UnknownOutcomeZh = "；本次发送的结果未知（短信可能已被受理并计费）。";

        [Theory]
        [InlineData("en", "The Juhe SMS endpoint answered HTTP 502, but the status is not a success" + UnknownOutcome)]
        [InlineData("zh-Hans", "聚合短信接口返回了 HTTP 502，但状态码不表示成功" + UnknownOutcomeZh)]
        public async Task A_status_that_is_not_a_success(string culture, string expected)
        {
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(FakeHttpMessageHandler.BytesResponse(Encoding.UTF8.GetBytes("<html>502</html>"), HttpStatusCode.BadGateway, "text/html")));
            Assert.Equal(expected, (await SendAndCatch<JuheSmsResponseException>(culture, handler)).Message);
        }

        [Theory]
        [InlineData("en", "", "the body is empty")]
        [InlineData("en", "{\"reason\":\"x\"}", "the JSON has no error_code")]
        [InlineData("en", "[1]", "the body is JSON but not an object")]
        [InlineData("en", "{\"error_code\":\"abc\"}", "error_code is not an integer")]
        [InlineData("zh-Hans", "", "响应正文为空")]
        [InlineData("zh-Hans", "{\"reason\":\"x\"}", "JSON 中没有 error_code")]
        [InlineData("zh-Hans", "[1]", "响应正文是 JSON，但不是对象")]
        [InlineData("zh-Hans", "{\"error_code\":\"abc\"}", "error_code 不是整数")]
        public async Task A_body_that_is_not_the_documented_answer(string culture, string body, string problem)
        {
            var ex = await SendAndCatch<JuheSmsResponseException>(culture, FakeHttpMessageHandler.Json(body));

            string expected = culture == "en"
                ? "The Juhe SMS endpoint answered HTTP 200, but " + problem + UnknownOutcome
                : "聚合短信接口返回了 HTTP 200，但" + problem + UnknownOutcomeZh;
            Assert.Equal(expected, ex.Message);
        }

        [Theory]
        [InlineData("en", "The Juhe SMS endpoint answered HTTP 200, but the body is not valid JSON (")]
        [InlineData("zh-Hans", "聚合短信接口返回了 HTTP 200，但响应正文不是有效的 JSON（")]
        public async Task A_body_that_is_not_JSON_names_the_readers_error(string culture, string start)
        {
            var ex = await SendAndCatch<JuheSmsResponseException>(culture, FakeHttpMessageHandler.Json("<html>"));

            Assert.StartsWith(start, ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("en", "The Juhe SMS endpoint answered HTTP 200, but the body is larger than 1048576 bytes" + UnknownOutcome)]
        [InlineData("zh-Hans", "聚合短信接口返回了 HTTP 200，但响应正文超过 1048576 字节" + UnknownOutcomeZh)]
        public async Task A_body_over_the_limit(string culture, string expected)
        {
            byte[] huge = new byte[(1024 * 1024) + 10];
            Array.Fill(huge, (byte)' ');
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(FakeHttpMessageHandler.BytesResponse(huge)));

            Assert.Equal(expected, (await SendAndCatch<JuheSmsResponseException>(culture, handler)).Message);
        }

        [Theory]
        [InlineData("en", "The Juhe SMS request failed before a response arrived: connection refused The request was not sent.")]
        [InlineData("zh-Hans", "聚合短信请求在收到应答之前失败（connection refused）。请求没有发出。")]
        public async Task No_answer_before_the_request_went_out(string culture, string expected)
        {
            var handler = new FakeHttpMessageHandler((_, _) => throw new HttpRequestException("connection refused"), readBody: false);

            var ex = await SendAndCatch<JuheSmsTransportException>(culture, handler);

            Assert.Equal(expected, ex.Message);
            Assert.False(ex.RequestMayHaveBeenReceived);
        }

        [Theory]
        [InlineData("en", "The Juhe SMS endpoint did not answer in time. The request had been sent, so the provider may have accepted (and billed) the message: check before resending.")]
        [InlineData("zh-Hans", "聚合短信接口没有在超时时间内应答。请求已经发出，聚合数据可能已经受理（并计费）了这条短信：重发之前请先核实。")]
        public async Task No_answer_in_time_after_the_request_went_out(string culture, string expected)
        {
            var handler = new FakeHttpMessageHandler(async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("not reached");
            });

            var ex = await SendAndCatch<JuheSmsTransportException>(culture, handler, o => o.Timeout = TimeSpan.FromMilliseconds(50));

            Assert.Equal(expected, ex.Message);
            Assert.True(ex.IsTimeout);
        }

        [Theory]
        [InlineData("en", "The SMS send was canceled.")]
        [InlineData("zh-Hans", "短信发送已取消。")]
        public async Task A_cancellation_that_came_as_another_failure(string culture, string expected)
        {
            using var caller = new CancellationTokenSource();
            var handler = new FakeHttpMessageHandler((_, _) =>
            {
                caller.Cancel();
                throw new HttpRequestException("the connection was closed");
            });

            using (UiCulture.Set(culture))
            {
                JuheSmsClient client = TestData.Client(handler);
                var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(TestData.Message(), caller.Token));
                Assert.Equal(expected, ex.Message);
            }
        }

        private static async Task<T> SendAndCatch<T>(string culture, HttpMessageHandler handler, Action<JuheSmsOptions>? configure = null)
            where T : Exception
        {
            using (UiCulture.Set(culture))
            {
                JuheSmsClient client = TestData.Client(handler, configure);
                return await Assert.ThrowsAsync<T>(() => client.SendAsync(TestData.Message()));
            }
        }
    }
}
