using System;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    public class RetryTests
    {
        [Theory]
        [InlineData(205403)]
        [InlineData(205409)]
        public async Task A_retryable_code_is_not_retried_by_default(int code)
        {
            var handler = FakeHttpMessageHandler.Sequence(TestData.ErrorJson(code), TestData.SuccessJson);

            var ex = await Assert.ThrowsAsync<JuheSmsException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.Equal(code, ex.ErrorCode);
            Assert.Equal(1, handler.CallCount);
        }

        [Theory]
        [InlineData(205403)]
        [InlineData(205409)]
        public async Task When_opted_in_a_retryable_code_is_retried_after_the_delay(int code)
        {
            var time = new RecordingTimeProvider();
            var handler = FakeHttpMessageHandler.Sequence(TestData.ErrorJson(code), TestData.SuccessJson);
            var delay = TimeSpan.FromSeconds(7);
            var client = TestData.Client(handler, o => { o.RetryOnRetryableErrors = true; o.RetryDelay = delay; }, timeProvider: time);

            Task<SmsSendResult> send = client.SendAsync(TestData.Message());
            await time.AdvanceWhenTimerExistsAsync(delay);
            SmsSendResult result = await send;

            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
            Assert.Equal(2, handler.CallCount);
            Assert.Equal(handler.Requests.ToArray()[0].BodyText, handler.Requests.ToArray()[1].BodyText);
        }

        [Fact]
        public async Task Retries_stop_at_MaxRetries()
        {
            var handler = FakeHttpMessageHandler.Sequence(TestData.ErrorJson(205409));
            var client = TestData.Client(handler, o => { o.RetryOnRetryableErrors = true; o.MaxRetries = 2; o.RetryDelay = TimeSpan.Zero; });

            var ex = await Assert.ThrowsAsync<JuheSmsException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(205409, ex.ErrorCode);
            Assert.Equal(3, handler.CallCount);
        }

        [Theory]
        [InlineData(10014)]
        [InlineData(205405)]
        [InlineData(10012)]
        [InlineData(205401)]
        public async Task Other_codes_are_never_retried(int code)
        {
            var handler = FakeHttpMessageHandler.Sequence(TestData.ErrorJson(code), TestData.SuccessJson);
            var client = TestData.Client(handler, o => { o.RetryOnRetryableErrors = true; o.MaxRetries = 3; o.RetryDelay = TimeSpan.Zero; });

            await Assert.ThrowsAsync<JuheSmsException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(1, handler.CallCount);
        }

        [Fact]
        public async Task A_transport_failure_is_never_retried()
        {
            var handler = new FakeHttpMessageHandler((_, _) => throw new System.Net.Http.HttpRequestException("reset"));
            var client = TestData.Client(handler, o => { o.RetryOnRetryableErrors = true; o.MaxRetries = 3; o.RetryDelay = TimeSpan.Zero; });

            await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(1, handler.CallCount);
        }

        [Fact]
        public async Task An_unexpected_response_is_never_retried()
        {
            var handler = FakeHttpMessageHandler.Sequence("<html>502</html>", TestData.SuccessJson);
            var client = TestData.Client(handler, o => { o.RetryOnRetryableErrors = true; o.RetryDelay = TimeSpan.Zero; });

            await Assert.ThrowsAsync<JuheSmsResponseException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(1, handler.CallCount);
        }
    }
}
