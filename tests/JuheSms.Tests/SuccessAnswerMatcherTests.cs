using System;
using System.Collections.Generic;
using System.Text;
using JuheSms.Internal;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>
    /// The success fast path (<see cref="SmsSuccessAnswerMatcher"/>) takes exactly the documented success answer and
    /// decides nothing the full reader would decide differently.
    /// </summary>
    public class SuccessAnswerMatcherTests
    {
        [Fact]
        public void The_page_s_success_answer_takes_the_fast_path_and_reads_as_the_reader_reads_it()
        {
            byte[] body = Encoding.UTF8.GetBytes(TestData.SuccessJson);

            Assert.True(SmsSuccessAnswerMatcher.TryMatch(body, out SmsResponse fast));
            AssertSame(SmsResponseParser.ParseWithReader(body), fast);
            Assert.Equal(SmsResponseKind.Accepted, fast.Kind);
            Assert.Equal("23d6bc4913614919a823271d820662af", fast.Result!.Sid);
            Assert.Equal(1, fast.Result.Count);
            Assert.Equal(1, fast.Result.Fee);
            Assert.Same(SmsSuccessAnswerMatcher.SuccessReason, fast.Reason);
        }

        [Theory]
        [InlineData("{\"reason\":\"短信发送成功\",\"result\":{\"count\":2,\"fee\":3,\"sid\":\"abc\"},\"error_code\":0}", true)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":0,\"fee\":0,\"sid\":\"\"},\"error_code\":0}", true)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":999999999,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", true)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":1234567890,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", false)] // 10 digits
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":01,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", false)] // leading zero: invalid JSON
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":-1,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", false)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":1.0,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", false)]
        [InlineData("{\"reason\":\"o\\\"k\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", false)] // an escape
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":0} ", false)] // trailing space
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}}", false)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":00}", false)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":205401}", false)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"count\":1,\"fee\":1,\"sid\":12},\"error_code\":0}", false)]
        [InlineData("{\"reason\":\"ok\", \"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", false)]
        [InlineData("{\"reason\":\"ok\",\"result\":{\"fee\":1,\"count\":1,\"sid\":\"s\"},\"error_code\":0}", false)]
        [InlineData("{\"reason\":\"a\tb\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}", false)] // a raw control character
        public void Only_the_exact_form_takes_the_fast_path_and_the_answer_is_the_reader_s(string json, bool fast)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);

            Assert.Equal(fast, SmsSuccessAnswerMatcher.TryMatch(body, out SmsResponse matched));
            SmsResponse read = SmsResponseParser.ParseWithReader(body);
            AssertSame(read, SmsResponseParser.Parse(body));
            if (fast)
            {
                AssertSame(read, matched);
            }
        }

        [Fact]
        public void Invalid_utf8_in_a_string_is_left_to_the_reader()
        {
            byte[] body = Encoding.UTF8.GetBytes(TestData.SuccessJson);
            int at = Array.IndexOf(body, (byte)'2'); // the sid's first character
            body[at] = 0xC3; // a lead byte followed by an ASCII byte: invalid UTF-8

            Assert.False(SmsSuccessAnswerMatcher.TryMatch(body, out _));
            Assert.Equal(SmsResponseKind.Malformed, SmsResponseParser.Parse(body).Kind);
        }

        [Fact]
        public void On_seeded_mutations_of_the_success_answer_the_parser_decides_as_the_reader_alone()
        {
            var random = new Random(20261201);
            byte[] seed = Encoding.UTF8.GetBytes(TestData.SuccessJson);
            int fast = 0;
            for (int i = 0; i < 20000; i++)
            {
                byte[] body = Mutate(random, seed);
                if (SmsSuccessAnswerMatcher.TryMatch(body, out SmsResponse matched))
                {
                    fast++;
                    AssertSame(SmsResponseParser.ParseWithReader(body), matched);
                }

                AssertSame(SmsResponseParser.ParseWithReader(TrimBom(body)), SmsResponseParser.Parse(body));
            }

            // Some mutations (a changed sid or reason character, a digit) stay in the exact form: the comparison saw them.
            Assert.InRange(fast, 100, 20000);
        }

        private static byte[] TrimBom(byte[] body)
            => body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? body[3..] : body;

        private static void AssertSame(SmsResponse expected, SmsResponse actual)
        {
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.ErrorCode, actual.ErrorCode);
            Assert.Equal(expected.Reason, actual.Reason);
            Assert.Equal(expected.HasResult, actual.HasResult);
            Assert.Equal(expected.Problem, actual.Problem);
            Assert.Equal(expected.Result?.Count, actual.Result?.Count);
            Assert.Equal(expected.Result?.Fee, actual.Result?.Fee);
            Assert.Equal(expected.Result?.Sid, actual.Result?.Sid);
        }

        private static byte[] Mutate(Random random, byte[] seed)
        {
            var bytes = new List<byte>(seed);
            int at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    // A printable ASCII byte or any byte: mostly inside the strings and numbers.
                    bytes[at] = random.Next(2) == 0 ? (byte)random.Next(0x20, 0x7F) : (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                default:
                    const string Inserted = "0123456789\"\\ ,:{}ab";
                    bytes.Insert(at, (byte)Inserted[random.Next(Inserted.Length)]);
                    break;
            }

            return bytes.ToArray();
        }
    }
}
