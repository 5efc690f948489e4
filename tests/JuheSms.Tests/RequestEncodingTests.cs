using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Internal;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    public class RequestEncodingTests
    {
        public static TheoryData<string> TrickyValues => new TheoryData<string>
        {
            "1234",
            "张三",
            "😀🎉",
            "a&b=c",
            "100%",
            "1+1",
            "a b",
            "x%2By",
            "'\"<>\\/",
            "中文 & emoji 😀 = 100% + more",
            "%23code%23%3d431515",
            "",
        };

        [Theory]
        [MemberData(nameof(TrickyValues))]
        public async Task Vars_and_tpl_value_decode_to_the_same_variables(string value)
        {
            var variables = new Dictionary<string, string> { ["name"] = value, ["code"] = "8 8", ["名字"] = "王五" };

            CapturedRequest vars = await SendAndCapture(variables, VariableEncoding.Vars);
            CapturedRequest tplValue = await SendAndCapture(variables, VariableEncoding.TplValue);

            IReadOnlyDictionary<string, string> varsForm = vars.Form;
            Assert.False(varsForm.ContainsKey("tpl_value"));
            Dictionary<string, string> fromVars = JsonSerializer.Deserialize<Dictionary<string, string>>(varsForm["vars"])!;

            IReadOnlyDictionary<string, string> tplForm = tplValue.Form;
            Assert.False(tplForm.ContainsKey("vars"));
            IReadOnlyDictionary<string, string> fromTplValue = FormBody.ParseTplValue(tplForm["tpl_value"]);

            Assert.Equal(variables.OrderBy(p => p.Key, StringComparer.Ordinal), fromVars.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(variables.OrderBy(p => p.Key, StringComparer.Ordinal), fromTplValue.OrderBy(p => p.Key, StringComparer.Ordinal));
        }

        [Fact]
        public async Task The_body_holds_exactly_the_documented_fields()
        {
            var message = TestData.Message();
            message.Ext = "0123";
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);

            await TestData.Client(handler).SendAsync(message);

            CapturedRequest request = Assert.Single(handler.Requests);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("application/x-www-form-urlencoded", request.MediaType);
            Assert.Equal(new[] { "key", "mobile", "tpl_id", "vars", "ext" }, request.Form.Keys.ToArray());
            Assert.Equal(TestData.Key, request.Form["key"]);
            Assert.Equal(TestData.Mobile, request.Form["mobile"]);
            Assert.Equal("12345", request.Form["tpl_id"]);
            Assert.Equal("{\"code\":\"1234\"}", request.Form["vars"]);
            Assert.Equal("0123", request.Form["ext"]);
        }

        [Fact]
        public async Task The_key_never_goes_into_the_url_and_the_mobile_is_normalised()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);

            await TestData.Client(handler).SendAsync(TestData.Message(mobile: "+86 138-0013-8000"));

            CapturedRequest request = Assert.Single(handler.Requests);
            Assert.Equal(new Uri("https://sms.test/sms/send"), request.Uri);
            Assert.DoesNotContain(TestData.Key, request.Uri!.ToString(), StringComparison.Ordinal);
            Assert.Equal(TestData.Mobile, request.Form["mobile"]);
        }

        [Fact]
        public async Task Ext_is_left_out_when_not_set()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);

            await TestData.Client(handler).SendAsync(TestData.Message());

            Assert.False(Assert.Single(handler.Requests).Form.ContainsKey("ext"));
        }

        [Fact]
        public void Vars_json_keeps_chinese_and_html_characters_readable_and_is_not_double_escaped()
        {
            string json = SmsRequestWriter.BuildVarsJson(new Dictionary<string, string> { ["name"] = "张三 & <b> + 'x' \"q\" \\" });

            Assert.Equal("{\"name\":\"张三 & <b> + 'x' \\\"q\\\" \\\\\"}", json);
        }

        [Fact]
        public void Vars_json_writes_an_emoji_as_a_surrogate_pair_escape_that_decodes_back()
        {
            string json = SmsRequestWriter.BuildVarsJson(new Dictionary<string, string> { ["e"] = "😀" });

            Assert.Equal("{\"e\":\"\\uD83D\\uDE00\"}", json);
            Assert.Equal("😀", JsonDocument.Parse(json).RootElement.GetProperty("e").GetString());
        }

        [Fact]
        public void Tpl_value_encodes_each_name_and_value_on_its_own_then_the_whole_string()
        {
            var variables = new Dictionary<string, string> { ["code"] = "431515", ["v"] = "a&b=c d+e%" };

            // The page's example for the inner layer: #code#=431515, whole string encoded -> %23code%23%3d431515.
            Assert.Equal("#code#=431515&#v#=a%26b%3Dc%20d%2Be%25", SmsRequestWriter.BuildTplValue(variables));

            string body = System.Text.Encoding.ASCII.GetString(SmsRequestWriter.WriteBody("k", TestData.Mobile, 1, variables, null, VariableEncoding.TplValue));
            Assert.EndsWith("&tpl_value=%23code%23%3D431515%26%23v%23%3Da%2526b%253Dc%2520d%252Be%2525", body, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(TrickyValues))]
        public async Task The_body_is_byte_for_byte_what_FormUrlEncodedContent_writes(string value)
        {
            var variables = new Dictionary<string, string> { ["name"] = value, ["code"] = "1234" };
            var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

            foreach (VariableEncoding encoding in new[] { VariableEncoding.Vars, VariableEncoding.TplValue })
            {
                var fields = new List<KeyValuePair<string, string>>
                {
                    new("key", "key with space+plus"),
                    new("mobile", TestData.Mobile),
                    new("tpl_id", "42"),
                    encoding == VariableEncoding.Vars
                        ? new("vars", JsonSerializer.Serialize(variables, relaxed))
                        : new("tpl_value", SmsRequestWriter.BuildTplValue(variables)),
                    new("ext", "99"),
                };
                byte[] expected = await new FormUrlEncodedContent(fields).ReadAsByteArrayAsync();

                byte[] actual = SmsRequestWriter.WriteBody("key with space+plus", TestData.Mobile, 42, variables, "99", encoding);

                Assert.Equal(System.Text.Encoding.ASCII.GetString(expected), System.Text.Encoding.ASCII.GetString(actual));
            }
        }

        [Fact]
        public void A_template_without_variables_sends_an_empty_object_or_an_empty_tpl_value()
        {
            var none = new Dictionary<string, string>();

            string vars = System.Text.Encoding.ASCII.GetString(SmsRequestWriter.WriteBody("k", TestData.Mobile, 7, none, null, VariableEncoding.Vars));
            string tpl = System.Text.Encoding.ASCII.GetString(SmsRequestWriter.WriteBody("k", TestData.Mobile, 7, none, null, VariableEncoding.TplValue));

            Assert.Equal("key=k&mobile=13800138000&tpl_id=7&vars=%7B%7D", vars);
            Assert.Equal("key=k&mobile=13800138000&tpl_id=7&tpl_value=", tpl);
        }

        [Fact]
        public void A_large_message_grows_the_buffers_and_still_round_trips()
        {
            var variables = Enumerable.Range(0, 200).ToDictionary(i => "v" + i, i => new string('中', 100) + " & " + i);

            string body = System.Text.Encoding.ASCII.GetString(SmsRequestWriter.WriteBody("k", TestData.Mobile, 7, variables, null, VariableEncoding.Vars));
            string again = System.Text.Encoding.ASCII.GetString(SmsRequestWriter.WriteBody("k", TestData.Mobile, 7, variables, null, VariableEncoding.Vars));

            Assert.Equal(body, again);
            Assert.Equal(variables, JsonSerializer.Deserialize<Dictionary<string, string>>(FormBody.Parse(body)["vars"]));
        }

        private static async Task<CapturedRequest> SendAndCapture(IReadOnlyDictionary<string, string> variables, VariableEncoding encoding)
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            await TestData.Client(handler, o => o.VariableEncoding = encoding).SendAsync(TestData.Message(variables));
            return Assert.Single(handler.Requests);
        }
    }
}
