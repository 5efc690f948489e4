using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using JuheSms.Internal;
using JuheSms.Robustness.Tests.Infrastructure;
using Xunit;

namespace JuheSms.Robustness.Tests
{
    /// <summary>
    /// 20,000 random and mutated response bodies through <see cref="JuheSmsClient"/>: it only ever returns a valid result
    /// or throws <see cref="JuheSmsException"/> (or a subclass), and never reads more than
    /// <see cref="SmsResponseParser.MaxResponseBytes"/> + 1 bytes of a body, 10 MB ones included.
    /// </summary>
    public sealed class ResponseBodyRobustnessTests
    {
        private const ulong Seed = 5_2025_11_25;
        private const int Bodies = 20_000;
        private const long TenMegabytes = 10L * 1024 * 1024;

        private static readonly string[] Valid =
        {
            "{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"23d6bc4913614919a823271d820662af\"},\"error_code\":0}",
            "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}",
            "{\"reason\":\"短信发送成功\",\"result\":{\"count\":\"1\",\"fee\":\"2\",\"sid\":1234},\"error_code\":\"0\"}",
            "{\"reason\":\"手机号码格式错误\",\"result\":[],\"error_code\":205401}",
            "{\"error_code\":205409,\"reason\":\"系统繁忙，请稍后重试\"}",
        };

        private static readonly string[] Replacements =
        {
            "[]", "{}", "\"\"", "\"abc\"", "0", "-1", "1.5", "1e400", "99999999999999999999", "true", "null", "[1,[2,[3]]]",
            "{\"count\":{}}", "\"\\uD800\"", "\"\\u0000\"", "-0", "\"205401\"", "\" 7 \"", "\"0x10\"",
        };

        /// <summary>One response: status, body prefix bytes, total length (filler after the prefix), declared length or not.</summary>
        public sealed record Response(HttpStatusCode Status, byte[] Prefix, long Length, bool DeclareLength, string Kind)
        {
            /// <inheritdoc />
            public override string ToString() => Kind + " " + (int)Status + " " + Length + " bytes";
        }

        private static readonly Gen<Response> Responses =
            Gen.Select(Gen.Int[0, 999], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Bool, Gen.Int[0, 99])
                .Select((kind, a, b, c, declare, statusPick) =>
                {
                    HttpStatusCode status = statusPick < 85 ? HttpStatusCode.OK : (statusPick < 90 ? HttpStatusCode.InternalServerError : (statusPick < 95 ? HttpStatusCode.NoContent : (HttpStatusCode)(100 + (a % 500))));
                    string valid = Valid[a % Valid.Length];
                    if (kind < 5)
                    {
                        // 10 MB: a JSON string that never ends, or valid JSON followed by padding.
                        byte[] prefix = Encoding.UTF8.GetBytes(b % 2 == 0 ? "{\"reason\":\"" : valid);
                        return new Response(status, prefix, TenMegabytes, declare, "10MB");
                    }

                    if (kind < 10)
                    {
                        // Around the limit: valid JSON padded with spaces to limit-1, limit, limit+1 bytes.
                        long length = SmsResponseParser.MaxResponseBytes - 1 + (b % 3);
                        return new Response(status, Encoding.UTF8.GetBytes(valid), length, declare, "limit" + (length - SmsResponseParser.MaxResponseBytes));
                    }

                    string text;
                    string name;
                    switch (kind % 12)
                    {
                        case 0:
                            name = "valid";
                            text = valid;
                            break;
                        case 1:
                        case 2:
                            name = "truncated";
                            text = valid.Substring(0, b % valid.Length);
                            break;
                        case 3:
                        case 4:
                            name = "wrong-type";
                            text = ReplaceValue(valid, b, Replacements[c % Replacements.Length]);
                            break;
                        case 5:
                            name = "result-shape";
                            text = "{\"reason\":\"ok\",\"error_code\":0,\"result\":" + Replacements[c % Replacements.Length] + "}";
                            break;
                        case 6:
                            name = "deep";
                            text = "{\"error_code\":0,\"result\":" + new string('[', 1 + (b % 200)) + new string(']', 1 + (b % 200)) + "}";
                            break;
                        case 7:
                            name = "duplicate-keys";
                            text = valid.Insert(1, "\"error_code\":" + (b % 3 == 0 ? "0" : "205401") + ",");
                            break;
                        case 8:
                            name = "bom-or-garbage";
                            text = (b % 3) switch { 0 => "\uFEFF" + valid, 1 => valid + "garbage", _ => "<html>502 Bad Gateway</html>" };
                            break;
                        case 9:
                            name = "junk";
                            text = valid.Insert(b % (valid.Length + 1), ((char)(c % 0x3000)).ToString());
                            break;
                        case 10:
                            name = "invalid-utf8";
                            {
                                byte[] bytes = Encoding.UTF8.GetBytes(valid);
                                bytes[b % bytes.Length] = (byte)(0x80 + (c % 0x80));
                                return new Response(status, bytes, bytes.Length, declare, name);
                            }

                        default:
                            name = "random";
                            {
                                var random = new Random(b);
                                var bytes = new byte[c % 300];
                                random.NextBytes(bytes);
                                return new Response(status, bytes, bytes.Length, declare, name);
                            }
                    }

                    byte[] body = Encoding.UTF8.GetBytes(text);
                    return new Response(status, body, body.Length, declare, name);
                });

        [Fact]
        public async Task Twenty_thousand_bodies_give_a_result_or_a_JuheSmsException_and_no_huge_read()
        {
            var handler = new ScriptedHandler();
            using var http = new HttpClient(handler);
            var client = new JuheSmsClient(http, new JuheSmsOptions { Key = "test-key", Endpoint = new Uri("http://127.0.0.1/sms/send") });
            var message = new SmsMessage("13800138000", 1, new Dictionary<string, string> { ["code"] = "1234" });
            var outcomes = new Dictionary<string, int>();

            for (int i = 0; i < Bodies; i++)
            {
                Response response = Seeded.Sample(Responses, Seed, i);
                handler.Next = response;
                string outcome;
                try
                {
                    SmsSendResult result = await client.SendAsync(message);
                    Assert.True(result.Count >= 0 && result.Fee >= 0 && result.Sid is not null, "Sample " + i + " (" + response + "): invalid result");
                    outcome = "result";
                }
                catch (JuheSmsException ex)
                {
                    outcome = ex.GetType().Name;
                }
                catch (Exception ex)
                {
                    throw new Xunit.Sdk.XunitException("Sample " + i + " (" + response + ") threw " + ex.GetType().Name + ": " + ex.Message);
                }

                long read = handler.LastStream!.BytesRead;
                Assert.True(read <= SmsResponseParser.MaxResponseBytes + 1, "Sample " + i + " (" + response + ") read " + read + " bytes");
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

                // The exact limit: a valid body padded to the limit is read; one byte more is refused as too large.
                if (response.Kind == "limit1" && response.Status == HttpStatusCode.OK)
                {
                    Assert.Equal(nameof(JuheSmsResponseException), outcome);
                }
            }

            // Every outcome occurred, so the sample reached both the success path and each failure path.
            Assert.True(outcomes.GetValueOrDefault("result") > 500, "results: " + outcomes.GetValueOrDefault("result"));
            Assert.True(outcomes.GetValueOrDefault(nameof(JuheSmsException)) > 500, "provider errors: " + outcomes.GetValueOrDefault(nameof(JuheSmsException)));
            Assert.True(outcomes.GetValueOrDefault(nameof(JuheSmsResponseException)) > 500, "bad responses: " + outcomes.GetValueOrDefault(nameof(JuheSmsResponseException)));
        }

        [Fact]
        public void The_parser_never_throws_on_the_same_bodies()
        {
            Seeded.ForEach(Responses, Seed, Bodies, (i, response) =>
            {
                if (response.Length > 64 * 1024)
                {
                    return; // The huge ones are the client's concern (it stops reading); covered above.
                }

                SmsResponse parsed = SmsResponseParser.Parse(response.Prefix);
                Assert.True(parsed.Kind == SmsResponseKind.Malformed ? parsed.Problem is not null : parsed.Kind == SmsResponseKind.Accepted ? parsed.Result is not null : parsed.ErrorCode != 0);
            });
        }

        private static string ReplaceValue(string json, int n, string value)
        {
            var colons = new List<int>();
            for (int i = json.IndexOf(':'); i >= 0; i = json.IndexOf(':', i + 1))
            {
                colons.Add(i);
            }

            int start = colons[n % colons.Count] + 1;
            int end = JsonText.EndOfValue(json, start, stopAtNewline: false);

            return json.Substring(0, start) + value + json.Substring(Math.Min(end, json.Length));
        }

        /// <summary>Answers each request with <see cref="Next"/>, through a <see cref="CountingStream"/>.</summary>
        private sealed class ScriptedHandler : HttpMessageHandler
        {
            public Response? Next { get; set; }

            public CountingStream? LastStream { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Response next = Next!;
                var stream = new CountingStream(next.Prefix, next.Length);
                LastStream = stream;
                var content = new StreamContent(stream);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (next.DeclareLength)
                {
                    content.Headers.ContentLength = next.Length;
                }

                return Task.FromResult(new HttpResponseMessage(next.Status) { Content = content, RequestMessage = request });
            }
        }
    }
}
