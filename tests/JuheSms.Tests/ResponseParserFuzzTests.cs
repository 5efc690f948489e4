using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using JuheSms.Internal;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>Seeded (reproducible) mutations of real answers: the parser never throws, the client only throws its own exceptions.</summary>
    public class ResponseParserFuzzTests
    {
        private static readonly string[] Seeds =
        {
            TestData.SuccessJson,
            TestData.ErrorJson(205401, "错误的手机号码"),
            "{\"reason\":\"x\",\"result\":[],\"error_code\":\"10012\"}",
            "{\"result\":{\"sid\":12345678901234567890,\"count\":\"1\",\"fee\":1},\"error_code\":0}",
            "{\"a\":{\"b\":[{\"c\":[[[]]]}]},\"error_code\":0,\"reason\":\"\\u77ed\\ud83d\\ude00\"}",
        };

        private static readonly string[] Fragments = { "{", "}", "[", "]", "\"", ":", ",", "null", "0", "-1", "1e999", "\\u", "\\ud800", "\"error_code\":", "\uFEFF", "\u00FF", "\0" };

        [Fact]
        public void The_parser_never_throws_on_mutated_input()
        {
            var random = new Random(20261125);
            for (int i = 0; i < 5000; i++)
            {
                byte[] body = Mutate(random, Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]));

                SmsResponse parsed = SmsResponseParser.Parse(body);

                switch (parsed.Kind)
                {
                    case SmsResponseKind.Accepted:
                        Assert.NotNull(parsed.Result);
                        Assert.True(parsed.Result!.Count >= 0 && parsed.Result.Fee >= 0);
                        break;
                    case SmsResponseKind.ProviderError:
                        Assert.NotEqual(0, parsed.ErrorCode);
                        Assert.NotNull(parsed.Reason);
                        break;
                    case SmsResponseKind.Malformed:
                        Assert.False(string.IsNullOrEmpty(parsed.Problem));
                        break;
                    default:
                        Assert.Fail("unknown kind " + parsed.Kind);
                        break;
                }
            }
        }

        [Fact]
        public void The_parser_never_throws_on_random_bytes()
        {
            var random = new Random(7);
            for (int i = 0; i < 2000; i++)
            {
                byte[] body = new byte[random.Next(0, 64)];
                random.NextBytes(body);

                SmsResponseKind kind = SmsResponseParser.Parse(body).Kind;

                Assert.True(Enum.IsDefined(kind));
            }
        }

        [Fact]
        public void Deep_nesting_is_malformed_not_a_crash()
        {
            string deep = "{\"x\":" + new string('[', 10000) + new string(']', 10000) + ",\"error_code\":0}";

            SmsResponse parsed = SmsResponseParser.Parse(Encoding.UTF8.GetBytes(deep));

            Assert.Equal(SmsResponseKind.Malformed, parsed.Kind);
        }

        [Fact]
        public async Task The_client_only_throws_its_own_exceptions_for_mutated_answers()
        {
            var random = new Random(42);
            var bodies = new List<byte[]>();
            for (int i = 0; i < 300; i++)
            {
                bodies.Add(Mutate(random, Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)])));
            }

            int index = 0;
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(FakeHttpMessageHandler.BytesResponse(bodies[index++])));
            var client = TestData.Client(handler);

            for (int i = 0; i < bodies.Count; i++)
            {
                try
                {
                    await client.SendAsync(TestData.Message());
                }
                catch (JuheSmsException)
                {
                    // Expected for most mutations; anything else fails the test.
                }
            }

            Assert.Equal(bodies.Count, handler.CallCount);
        }

        private static byte[] Mutate(Random random, byte[] seed)
        {
            var bytes = new List<byte>(seed);
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits && bytes.Count > 0; e++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                        break;
                    case 2:
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
                        break;
                    default:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                }
            }

            return bytes.ToArray();
        }
    }
}
