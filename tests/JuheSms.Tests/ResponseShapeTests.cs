using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>The odd answers a real endpoint or a gateway in front of it can give.</summary>
    public class ResponseShapeTests
    {
        [Theory]
        [InlineData("\"sid\":\"23d6bc4913614919a823271d820662af\"", "23d6bc4913614919a823271d820662af")]
        [InlineData("\"sid\":\"1234567890123456789\"", "1234567890123456789")]
        [InlineData("\"sid\":1234567890123456789012", "1234567890123456789012")]
        [InlineData("\"sid\":42", "42")]
        [InlineData("\"sid\":null", "")]
        [InlineData("\"other\":1", "")]
        public async Task Sid_is_read_as_a_string_whatever_its_JSON_type(string sidMember, string expectedSid)
        {
            string json = "{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":2," + sidMember + "},\"error_code\":0}";

            SmsSendResult result = await Send(json);

            Assert.Equal(expectedSid, result.Sid);
            Assert.Equal(1, result.Count);
            Assert.Equal(2, result.Fee);
        }

        [Fact]
        public async Task Count_and_fee_may_be_numeric_strings_and_members_may_come_in_any_order()
        {
            SmsSendResult result = await Send("{\"error_code\":\"0\",\"result\":{\"sid\":\"s\",\"fee\":\"3\",\"count\":\"2\",\"extra\":[1,{\"a\":2}]},\"reason\":\"ok\"}");

            Assert.Equal(2, result.Count);
            Assert.Equal(3, result.Fee);
            Assert.Equal("s", result.Sid);
        }

        [Theory]
        [InlineData("\"result\":[],")]
        [InlineData("\"result\":null,")]
        [InlineData("")]
        [InlineData("\"result\":\"\",")]
        public async Task A_failure_may_carry_result_as_an_empty_array_null_or_nothing(string resultMember)
        {
            string json = "{\"reason\":\"错误的手机号码\"," + resultMember + "\"error_code\":205401}";

            var ex = await Assert.ThrowsAsync<JuheSmsException>(() => Send(json));

            Assert.Equal(JuheSmsError.InvalidMobile, ex.Error);
            Assert.Equal("错误的手机号码", ex.Reason);
        }

        [Theory]
        [InlineData("\"205409\"")]
        [InlineData("\" 205409 \"")]
        [InlineData("205409")]
        public async Task Error_code_may_be_a_number_or_a_numeric_string(string errorCode)
        {
            var ex = await Assert.ThrowsAsync<JuheSmsException>(() => Send("{\"reason\":\"系统繁忙\",\"result\":null,\"error_code\":" + errorCode + "}"));

            Assert.Equal(205409, ex.ErrorCode);
            Assert.True(ex.IsRetryable);
        }

        [Fact]
        public async Task A_missing_reason_leaves_an_empty_reason_and_the_description_in_the_message()
        {
            var ex = await Assert.ThrowsAsync<JuheSmsException>(() => Send("{\"error_code\":10001}"));

            Assert.Equal(string.Empty, ex.Reason);
            Assert.Equal(JuheSmsError.InvalidKey, ex.Error);
            Assert.Contains("Wrong request KEY", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Accepted_without_a_result_returns_an_empty_result_not_an_exception()
        {
            // error_code 0 means accepted and billed: throwing would invite a resend.
            SmsSendResult result = await Send("{\"reason\":\"短信发送成功\",\"result\":[],\"error_code\":0}");

            Assert.Equal(0, result.Count);
            Assert.Equal(string.Empty, result.Sid);
        }

        [Fact]
        public async Task A_byte_order_mark_is_allowed()
        {
            byte[] body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(TestData.SuccessJson)).ToArray();
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(FakeHttpMessageHandler.BytesResponse(body)));

            SmsSendResult result = await TestData.Client(handler).SendAsync(TestData.Message());

            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
        }

        [Fact]
        public async Task An_html_502_from_a_gateway_keeps_the_status_and_the_start_of_the_body()
        {
            string html = "<html><head><title>502 Bad Gateway</title></head><body>" + new string('x', 5000) + "</body></html>";
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(FakeHttpMessageHandler.BytesResponse(Encoding.UTF8.GetBytes(html), HttpStatusCode.BadGateway, "text/html")));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.StartsWith("<html><head><title>502 Bad Gateway", ex.ResponseBody, StringComparison.Ordinal);
            Assert.True(ex.ResponseBody.Length <= JuheSmsResponseException.MaxBodyExcerptLength);
            Assert.Contains("502", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, ex.ErrorCode);
        }

        [Fact]
        public async Task A_non_2xx_status_wins_even_over_a_success_body()
        {
            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => Send(TestData.SuccessJson, HttpStatusCode.ServiceUnavailable));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("   \r\n", "empty")]
        [InlineData("{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,", "not valid JSON")]
        [InlineData("<html>oops</html>", "not valid JSON")]
        [InlineData("[1,2]", "not an object")]
        [InlineData("null", "not an object")]
        [InlineData("{\"reason\":\"x\"}", "no error_code")]
        [InlineData("{\"error_code\":null}", "no error_code")]
        [InlineData("{\"error_code\":\"abc\"}", "not an integer")]
        [InlineData("{\"error_code\":1.5}", "not an integer")]
        [InlineData("{\"error_code\":99999999999}", "not an integer")]
        [InlineData("{\"error_code\":0} trailing", "not valid JSON")]
        public async Task A_body_that_is_not_the_documented_json_is_a_response_exception(string body, string expectedProblem)
        {
            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => Send(body));

            Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
            Assert.Contains(expectedProblem, ex.Message, StringComparison.Ordinal);
            Assert.Equal(body, ex.ResponseBody);
        }

        [Fact]
        public async Task A_huge_body_is_not_read_past_the_limit()
        {
            var stream = new CountingInfiniteStream();
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(new System.Net.Http.HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new System.Net.Http.StreamContent(stream),
            }));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.Contains("larger than", ex.Message, StringComparison.Ordinal);
            Assert.True(stream.BytesRead <= (1024 * 1024) + 4096 + 1, $"read {stream.BytesRead} bytes");
            Assert.Equal(JuheSmsResponseException.MaxBodyExcerptLength, ex.ResponseBody.Length);
        }

        [Fact]
        public async Task A_body_of_exactly_the_limit_is_still_parsed()
        {
            string json = TestData.SuccessJson;
            string padded = json + new string(' ', (1024 * 1024) - Encoding.UTF8.GetByteCount(json));
            Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(padded));

            SmsSendResult result = await Send(padded);

            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
        }

        [Fact]
        public async Task An_excerpt_never_splits_a_character()
        {
            string body = "<p>" + new string('错', 2000) + "</p>";
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(FakeHttpMessageHandler.BytesResponse(Encoding.UTF8.GetBytes(body), HttpStatusCode.InternalServerError, "text/html")));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.DoesNotContain('\uFFFD', ex.ResponseBody);
            Assert.StartsWith("<p>错错", ex.ResponseBody, StringComparison.Ordinal);
        }

        private static async Task<SmsSendResult> Send(string json, HttpStatusCode status = HttpStatusCode.OK)
            => await TestData.Client(FakeHttpMessageHandler.Json(json, status)).SendAsync(TestData.Message());

        /// <summary>A stream that never ends, counting what was read.</summary>
        private sealed class CountingInfiniteStream : System.IO.Stream
        {
            public long BytesRead { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                buffer.AsSpan(offset, count).Fill((byte)'a');
                BytesRead += count;
                return count;
            }

            public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
