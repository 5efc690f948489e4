using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Testing;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>POST /sms/send (and GET with the query) against the server started in-process, answering as the provider's page does.</summary>
    public sealed class SendEndpointTests
    {
        private const string CodeVars = "{\"code\":\"1234\",\"minutes\":\"5\"}";

        [Fact]
        public async Task A_typed_client_send_is_accepted_billed_and_recorded()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            SmsSendResult result = await harness.SendCodeAsync(code: "482913");

            Assert.Equal(1, result.Count);
            Assert.Equal(1, result.Fee);
            InboxMessageAssert(Assert.Single(harness.Server.Messages), result.Sid);
        }

        private static void InboxMessageAssert(Inbox.InboxMessage message, string sid)
        {
            Assert.Equal(sid, message.Sid);
            Assert.Equal(ServerHarness.Mobile, message.Mobile);
            Assert.Equal("【Contoso】您的验证码是482913，5分钟内有效。", message.Text);
            Assert.Equal("POST", message.Method);
        }

        [Fact]
        public async Task The_answer_is_the_providers_json()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            JsonElement answer = await harness.PostFormAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", ServerHarness.Mobile), ("tpl_id", "123456"), ("vars", CodeVars));

            Assert.Equal(0, answer.GetProperty("error_code").GetInt32());
            Assert.Equal("短信发送成功", answer.GetProperty("reason").GetString());
            JsonElement result = answer.GetProperty("result");
            Assert.Equal(1, result.GetProperty("count").GetInt32());
            Assert.Equal(1, result.GetProperty("fee").GetInt32());
            Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("sid").GetString());
        }

        [Fact]
        public async Task A_GET_with_the_query_is_accepted_and_marked_as_GET()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            string query = "sms/send?key=" + JuheSmsSandbox.DefaultKey + "&mobile=13800138000&tpl_id=123456&vars=" + Uri.EscapeDataString(CodeVars);
            JsonElement answer = await harness.GetJsonAsync(query);

            Assert.Equal(0, answer.GetProperty("error_code").GetInt32());
            Assert.Equal("GET", Assert.Single(harness.Server.Messages).Method);
        }

        [Fact]
        public async Task Tpl_value_is_decoded_as_the_page_says()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            // The page: each name and value url-encoded on its own, then the whole field url-encoded by the form.
            string tplValue = Uri.EscapeDataString("#name#") + "=" + Uri.EscapeDataString("张&三") + "&" + Uri.EscapeDataString("#order#") + "=" + Uri.EscapeDataString("A=1");
            JsonElement answer = await harness.PostFormAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", ServerHarness.Mobile), ("tpl_id", "123457"), ("tpl_value", tplValue));

            Assert.Equal(0, answer.GetProperty("error_code").GetInt32());
            Assert.Equal("【Sandbox】张&三您好，您的订单A=1已发货。", Assert.Single(harness.Server.Messages).Text);
        }

        [Theory]
        [InlineData("wrong-key", "13800138000", "123456", 10001)]
        [InlineData(JuheSmsSandbox.DefaultKey, "12345", "123456", 205401)]
        [InlineData(JuheSmsSandbox.DefaultKey, "13800138000", "999", 205402)]
        public async Task A_bad_request_is_refused_with_the_pages_code(string key, string mobile, string tplId, int expectedCode)
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            JsonElement answer = await harness.PostFormAsync(("key", key), ("mobile", mobile), ("tpl_id", tplId), ("vars", CodeVars));

            Assert.Equal(expectedCode, answer.GetProperty("error_code").GetInt32());
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
            Assert.Empty(harness.Server.Messages);
        }

        [Fact]
        public async Task A_missing_variable_answers_205404_naming_it()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            JsonElement answer = await harness.PostFormAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", ServerHarness.Mobile), ("tpl_id", "123456"), ("vars", "{\"code\":\"1234\"}"));

            Assert.Equal(205404, answer.GetProperty("error_code").GetInt32());
            Assert.Contains("#minutes#", answer.GetProperty("reason").GetString());
        }

        [Fact]
        public async Task A_second_send_to_one_number_within_a_minute_answers_205405()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.SendCodeAsync();

            var error = await Assert.ThrowsAsync<JuheSmsException>(() => harness.SendCodeAsync());

            Assert.Equal(205405, error.ErrorCode);
            Assert.Single(harness.Server.Messages);
        }

        [Fact]
        public async Task Without_frequency_limits_a_number_can_be_sent_to_again()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync(new JuheSmsSandboxServerOptions { EnforceFrequencyLimits = false });

            await harness.SendCodeAsync();
            await harness.SendCodeAsync();

            Assert.Equal(2, harness.Server.Messages.Count);
        }

        [Fact]
        public async Task Another_method_answers_205410()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            using HttpResponseMessage response = await harness.Http.PutAsync("sms/send?key=" + JuheSmsSandbox.DefaultKey, new StringContent(string.Empty));
            JsonElement answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(205410, answer.GetProperty("error_code").GetInt32());
        }

        [Fact]
        public async Task A_long_message_is_billed_per_67_characters()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            harness.Server.RegisterTemplate(7, "【Contoso】" + new string('长', 60) + "#x#");

            JsonElement answer = await harness.PostFormAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", ServerHarness.Mobile), ("tpl_id", "7"), ("vars", "{\"x\":\"" + new string('字', 20) + "\"}"));

            // 9 + 60 + 20 = 89 characters: more than 70, so billed per 67 → 2.
            Assert.Equal(2, answer.GetProperty("result").GetProperty("fee").GetInt32());
            Assert.Equal(2, Assert.Single(harness.Server.Messages).Segments);
        }

        [Fact]
        public async Task The_key_is_configurable()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync(new JuheSmsSandboxServerOptions { Key = "my-key" });

            JsonElement withDefault = await harness.PostFormAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", ServerHarness.Mobile), ("tpl_id", "123456"), ("vars", CodeVars));
            JsonElement withOwn = await harness.PostFormAsync(
                ("key", "my-key"), ("mobile", ServerHarness.Mobile), ("tpl_id", "123456"), ("vars", CodeVars));

            Assert.Equal(10001, withDefault.GetProperty("error_code").GetInt32());
            Assert.Equal(0, withOwn.GetProperty("error_code").GetInt32());
        }
    }
}
