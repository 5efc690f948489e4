using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>GET /api/messages (filters, newest first, camelCase), GET /api/messages/latest, DELETE /api/messages, the memory bound.</summary>
    public sealed class MessagesApiTests
    {
        [Fact]
        public async Task Messages_are_camelCase_with_every_field_of_the_contract()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            SmsSendResult sent = await harness.Client.SendAsync(new SmsMessage(ServerHarness.Mobile, ServerHarness.CodeTplId, new System.Collections.Generic.Dictionary<string, string> { ["code"] = "482913", ["minutes"] = "5" }) { Ext = "01" });

            JsonElement message = Assert.Single((await harness.GetJsonAsync("api/messages")).EnumerateArray());

            Assert.Equal(sent.Sid, message.GetProperty("sid").GetString());
            Assert.Equal(ServerHarness.Mobile, message.GetProperty("mobile").GetString());
            Assert.Equal(ServerHarness.CodeTplId, message.GetProperty("tplId").GetInt32());
            Assert.Equal("【Contoso】您的验证码是482913，5分钟内有效。", message.GetProperty("text").GetString());
            Assert.Equal(1, message.GetProperty("segments").GetInt32());
            Assert.Equal("482913", message.GetProperty("variables").GetProperty("code").GetString());
            Assert.Equal("01", message.GetProperty("ext").GetString());
            Assert.True(message.GetProperty("receivedAt").TryGetDateTimeOffset(out _));
        }

        [Fact]
        public async Task The_list_is_newest_first_and_filters_by_mobile_and_tplId()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.SendCodeAsync("13800138000", "1111");
            await harness.SendCodeAsync("13900139000", "2222");
            await harness.Client.SendAsync(new SmsMessage("13700137000", ServerHarness.ShippedTplId, new System.Collections.Generic.Dictionary<string, string> { ["name"] = "张三", ["order"] = "A1", }));

            JsonElement all = await harness.GetJsonAsync("api/messages");
            JsonElement byMobile = await harness.GetJsonAsync("api/messages?mobile=%2B86%20139-0013-9000");
            JsonElement byTemplate = await harness.GetJsonAsync("api/messages?tplId=123456");

            Assert.Equal(new[] { "13700137000", "13900139000", "13800138000" }, Mobiles(all));
            Assert.Equal(new[] { "13900139000" }, Mobiles(byMobile));
            Assert.Equal(new[] { "13900139000", "13800138000" }, Mobiles(byTemplate));
        }

        [Fact]
        public async Task Latest_gives_the_newest_message_of_a_number_and_404_when_there_is_none()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync(new JuheSmsSandboxServerOptions { EnforceFrequencyLimits = false });
            await harness.SendCodeAsync(code: "1111");
            await harness.SendCodeAsync(code: "2222");

            JsonElement latest = await harness.GetJsonAsync("api/messages/latest?mobile=" + ServerHarness.Mobile);
            using HttpResponseMessage none = await harness.Http.GetAsync("api/messages/latest?mobile=13900000000");

            Assert.Equal("2222", latest.GetProperty("variables").GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.Contains("13900000000", await none.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Delete_empties_the_inbox_and_the_frequency_history()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.SendCodeAsync();

            using HttpResponseMessage deleted = await harness.Http.DeleteAsync("api/messages");
            JsonElement after = await harness.GetJsonAsync("api/messages");
            await harness.SendCodeAsync();

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Equal(0, after.GetArrayLength());
            Assert.Single(harness.Server.Messages);
        }

        [Fact]
        public async Task Only_the_last_MaxMessages_are_kept()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync(new JuheSmsSandboxServerOptions { MaxMessages = 2, EnforceFrequencyLimits = false });
            await harness.SendCodeAsync(code: "1111");
            await harness.SendCodeAsync(code: "2222");
            await harness.SendCodeAsync(code: "3333");

            JsonElement all = await harness.GetJsonAsync("api/messages");

            Assert.Equal(2, all.GetArrayLength());
            Assert.Equal("3333", all[0].GetProperty("variables").GetProperty("code").GetString());
            Assert.Equal("2222", all[1].GetProperty("variables").GetProperty("code").GetString());
        }

        [Fact]
        public async Task A_refused_send_is_listed_in_refusals_not_in_messages()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.PostFormAsync(("key", "wrong"), ("mobile", ServerHarness.Mobile), ("tpl_id", "123456"));

            JsonElement refusal = Assert.Single((await harness.GetJsonAsync("api/refusals")).EnumerateArray());

            Assert.Equal(10001, refusal.GetProperty("errorCode").GetInt32());
            Assert.Equal(ServerHarness.Mobile, refusal.GetProperty("mobile").GetString());
            Assert.Equal(0, (await harness.GetJsonAsync("api/messages")).GetArrayLength());
        }

        [Fact]
        public async Task A_bad_tplId_filter_is_a_400_saying_so()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            using HttpResponseMessage response = await harness.Http.GetAsync("api/messages?tplId=abc");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("tplId", await response.Content.ReadAsStringAsync());
        }

        private static string?[] Mobiles(JsonElement array)
        {
            var list = new System.Collections.Generic.List<string?>();
            foreach (JsonElement message in array.EnumerateArray())
            {
                list.Add(message.GetProperty("mobile").GetString());
            }

            return list.ToArray();
        }
    }
}
