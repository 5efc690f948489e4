using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Testing;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>
    /// The server and <see cref="JuheSmsSandbox"/> answer through one provider model: the same request gets the same
    /// error_code, reason and fee from both (only the random sid differs).
    /// </summary>
    public sealed class SharedProviderTests
    {
        private const string Text = "【Contoso】您的验证码是#code#，#minutes#分钟内有效。";

        public static TheoryData<string> Requests => new()
        {
            "key=sandbox-key&mobile=13800138000&tpl_id=123456&vars=" + Uri.EscapeDataString("{\"code\":\"1234\",\"minutes\":5}"),
            "key=sandbox-key&mobile=%2B86%20138-0013-8000&tpl_id=123456&tpl_value=" + Uri.EscapeDataString("#code#=1234&#minutes#=5"),
            "key=nope&mobile=13800138000&tpl_id=123456",
            "key=sandbox-key&mobile=1380013800&tpl_id=123456",
            "key=sandbox-key&mobile=13800138000&tpl_id=42",
            "key=sandbox-key&mobile=13800138000&tpl_id=123456&vars=" + Uri.EscapeDataString("{\"code\":\"1234\"}"),
            "key=sandbox-key&mobile=13800138000&tpl_id=123456&vars=" + Uri.EscapeDataString("{\"code\":"),
            "key=sandbox-key&mobile=13800138000&tpl_id=123456&ext=abc&vars=" + Uri.EscapeDataString("{\"code\":\"1\",\"minutes\":\"2\"}"),
            "key=sandbox-key&mobile=13800138000&tpl_id=123456&tpl_value=x&vars=" + Uri.EscapeDataString("{}"),
        };

        [Theory]
        [MemberData(nameof(Requests))]
        public async Task The_server_answers_a_form_exactly_as_the_handler_does(string form)
        {
            await using var server = new JuheSmsSandboxServer().RegisterTemplate(123456, Text);
            Uri baseAddress = await server.StartAsync();
            using var overNetwork = new HttpClient { BaseAddress = baseAddress };
            var handler = new JuheSmsSandbox().RegisterTemplate(123456, Text);
            using var inProcess = new HttpClient(handler) { BaseAddress = new Uri("http://v.juhe.cn/") };

            JsonElement fromServer = await PostAsync(overNetwork, form);
            JsonElement fromHandler = await PostAsync(inProcess, form);

            Assert.Equal(Comparable(fromHandler), Comparable(fromServer));
            Assert.Equal(handler.Sent.Count, server.Messages.Count);
            if (handler.LastSent is SentSms sent)
            {
                Assert.Equal(sent.Text, server.Messages[0].Text);
                Assert.Equal(sent.Variables, server.Messages[0].Variables);
            }
        }

        private static async Task<JsonElement> PostAsync(HttpClient http, string form)
        {
            using var content = new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
            using HttpResponseMessage response = await http.PostAsync("sms/send", content);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        /// <summary>The answer without its sid.</summary>
        private static string Comparable(JsonElement answer)
        {
            var parts = new List<string>
            {
                answer.GetProperty("error_code").GetRawText(),
                answer.GetProperty("reason").GetString() ?? string.Empty,
            };
            if (answer.GetProperty("result") is { ValueKind: JsonValueKind.Object } result)
            {
                parts.Add(result.GetProperty("count").GetRawText());
                parts.Add(result.GetProperty("fee").GetRawText());
            }

            return string.Join(" | ", parts);
        }
    }
}
