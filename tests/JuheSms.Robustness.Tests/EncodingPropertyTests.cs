using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using JuheSms.Robustness.Tests.Infrastructure;
using Xunit;

namespace JuheSms.Robustness.Tests
{
    /// <summary>
    /// Whatever Unicode the variables hold (CJK, surrogate pairs, <c>&amp;=%+</c>, quotes, backslashes, spaces), the posted
    /// form decodes back to exactly the input, for both <c>vars</c> and <c>tpl_value</c>. Decoding follows the provider's
    /// page, not our encoder: the body is <c>application/x-www-form-urlencoded</c> (<c>+</c> is a space, <c>%XX</c> a UTF-8
    /// byte); <c>vars</c> is a JSON object; <c>tpl_value</c> is <c>#name#=value</c> pairs joined by <c>&amp;</c>, each name
    /// and value urlencoded once more.
    /// </summary>
    public sealed class EncodingPropertyTests
    {
        private const ulong Seed = 31_415_926;
        private const int Samples = 3_000;

        // Names: no '#', '&', '=', white space or control characters (refused by design).
        private static readonly Gen<char> NameChar = Gen.OneOf(
            Gen.Char['a', 'z'], Gen.Char['0', '9'], Gen.Char["_%+-.~!$'()*,;:@/?[]{}\"\\"], Gen.Char['\u4E00', '\u9FA5'], Gen.Char['\u00C0', '\u024F']);

        // Values: no '#', '【', '】' or control characters; spaces and the form's own delimiters are allowed.
        private static readonly Gen<char> ValueChar = Gen.OneOf(
            Gen.Char['a', 'z'], Gen.Char['0', '9'], Gen.Char[" &=%+?/\\\"'<>{}[],:;"], Gen.Char['\u4E00', '\u9FA5'], Gen.Char['\u00A1', '\u07FF'],
            Gen.Char["\u2028\u2029\uFEFF\uFFFD\u00A0"]);

        // Text with surrogate pairs (emoji and other astral characters) between ordinary characters.
        private static Gen<string> Text(Gen<char> chars, int min, int max) =>
            Gen.OneOf(
                    chars.Select(c => c.ToString()),
                    Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32),
                    Gen.Int[0x20000, 0x2A6DF].Select(char.ConvertFromUtf32))
                .Array[min, max]
                .Select(parts => string.Concat(parts));

        private static readonly Gen<Dictionary<string, string>> Variables =
            Gen.Select(Text(NameChar, 1, 8).Array[1, 4], Text(ValueChar, 0, 20).Array[4])
                .Select((names, values) => names.Distinct(StringComparer.Ordinal).Select((n, i) => (n, v: values[i])).ToDictionary(p => p.n, p => p.v, StringComparer.Ordinal));

        [Theory]
        [InlineData(VariableEncoding.Vars)]
        [InlineData(VariableEncoding.TplValue)]
        public async Task Posted_variables_decode_back_to_the_input(VariableEncoding encoding)
        {
            var handler = new CapturingHandler();
            using var http = new HttpClient(handler);
            var client = new JuheSmsClient(http, new JuheSmsOptions { Key = "k&=+é%", Endpoint = new Uri("http://127.0.0.1/sms/send"), VariableEncoding = encoding });

            for (int i = 0; i < Samples; i++)
            {
                Dictionary<string, string> variables = Seeded.Sample(Variables, Seed, i);
                await client.SendAsync(new SmsMessage("13800138000", 42, variables));

                Dictionary<string, string> form = DecodeForm(handler.LastBody!);
                Assert.Equal("k&=+é%", form["key"]);
                Assert.Equal("13800138000", form["mobile"]);
                Assert.Equal("42", form["tpl_id"]);
                Dictionary<string, string> decoded = encoding == VariableEncoding.Vars
                    ? DecodeVars(form["vars"])
                    : DecodeTplValue(form["tpl_value"]);
                Assert.False(form.ContainsKey(encoding == VariableEncoding.Vars ? "tpl_value" : "vars"));
                Assert.True(variables.Count == decoded.Count && variables.All(p => decoded.TryGetValue(p.Key, out string? v) && v == p.Value),
                    $"Sample {i}: sent {Show(variables)}, decoded {Show(decoded)}");
            }
        }

        [Fact]
        public async Task Values_with_a_hash_are_refused_before_anything_is_sent()
        {
            var handler = new CapturingHandler();
            using var http = new HttpClient(handler);
            var client = new JuheSmsClient(http, new JuheSmsOptions { Key = "k", Endpoint = new Uri("http://127.0.0.1/sms/send") });

            for (int i = 0; i < 500; i++)
            {
                Dictionary<string, string> variables = Seeded.Sample(Variables, Seed + 7, i);
                string name = variables.Keys.First();
                string value = variables[name];
                variables[name] = value.Insert(i % (value.Length + 1), "#");
                await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new SmsMessage("13800138000", 42, variables)));
            }

            Assert.Equal(0, handler.Requests);
        }

        private static string Show(Dictionary<string, string> d) => string.Join(", ", d.Select(p => "[" + Escape(p.Key) + "]=[" + Escape(p.Value) + "]"));

        private static string Escape(string s) => string.Concat(s.Select(c => c < 0x7F && c >= 0x20 ? c.ToString() : "\\u" + ((int)c).ToString("X4")));

        private static Dictionary<string, string> DecodeForm(byte[] body)
        {
            // The body must be plain ASCII: letters, digits, unreserved marks, '+', and %XX escapes.
            Assert.All(body, b => Assert.True(b > 0x20 && b < 0x7F, "byte " + b + " in the form body"));
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in Encoding.ASCII.GetString(body).Split('&'))
            {
                int eq = pair.IndexOf('=');
                fields.Add(UrlDecode(pair.Substring(0, eq)), UrlDecode(pair.Substring(eq + 1)));
            }

            return fields;
        }

        private static Dictionary<string, string> DecodeVars(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                result.Add(property.Name, property.Value.GetString()!);
            }

            return result;
        }

        private static Dictionary<string, string> DecodeTplValue(string tplValue)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in tplValue.Split('&'))
            {
                Assert.StartsWith("#", pair, StringComparison.Ordinal);
                int close = pair.IndexOf("#=", 1, StringComparison.Ordinal);
                result.Add(UrlDecode(pair.Substring(1, close - 1)), UrlDecode(pair.Substring(close + 2)));
            }

            return result;
        }

        /// <summary>urldecode as the page's PHP server does: '+' is a space, %XX a byte; then strict UTF-8.</summary>
        private static string UrlDecode(string s)
        {
            var bytes = new List<byte>(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '+')
                {
                    bytes.Add((byte)' ');
                }
                else if (c == '%')
                {
                    bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    Assert.True(c < 0x80, "non-ASCII character in an encoded field");
                    bytes.Add((byte)c);
                }
            }

            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }

        private sealed class CapturingHandler : HttpMessageHandler
        {
            private int _requests;

            public byte[]? LastBody { get; private set; }

            public int Requests => Volatile.Read(ref _requests);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _requests);
                Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
                LastBody = await request.Content.ReadAsByteArrayAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"s\"},\"error_code\":0}"),
                };
            }
        }
    }
}
