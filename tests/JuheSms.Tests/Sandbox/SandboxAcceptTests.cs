using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JuheSms.Testing;
using Xunit;

namespace JuheSms.Tests.Sandbox
{
    public class SandboxAcceptTests
    {
        [Fact]
        public async Task An_accepted_send_answers_the_pages_success_shape()
        {
            using var harness = new SandboxHarness();

            Answer answer = await harness.SendCodeAsync();

            answer.AssertAccepted();
            // The page's example, member for member and in its order: reason, result{count,fee,sid}, error_code.
            Assert.Matches(
                new Regex("^\\{\"reason\":\"短信发送成功\",\"result\":\\{\"count\":1,\"fee\":1,\"sid\":\"[0-9a-f]{32}\"\\},\"error_code\":0\\}$"),
                answer.Raw);
            Assert.Equal(new[] { "count", "fee", "sid" }, answer.Result.EnumerateObject().Select(p => p.Name));
        }

        [Fact]
        public async Task An_accepted_send_is_recorded_with_the_rendered_message()
        {
            using var harness = new SandboxHarness();

            Answer answer = await harness.PostAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", "+86 138-0013-8000"), ("tpl_id", "1"), ("vars", "{\"code\":\"5678\"}"), ("ext", "123"));

            answer.AssertAccepted();
            SentSms sent = Assert.Single(harness.Sandbox.Sent);
            Assert.Same(sent, harness.Sandbox.LastSent);
            Assert.Equal("13800138000", sent.Mobile);
            Assert.Equal(1, sent.TplId);
            Assert.Equal("【Sandbox】您的验证码是5678，5分钟内有效。", sent.Text);
            Assert.Equal("【Sandbox】", sent.Signature);
            Assert.Equal(1, sent.Segments);
            Assert.Equal(answer.Result.GetProperty("sid").GetString(), sent.Sid);
            Assert.Equal("123", sent.Ext);
            Assert.Equal("5678", sent.Variables["code"]);
            Assert.Equal(harness.Time.GetUtcNow(), sent.Timestamp);
            Assert.Equal("POST", sent.Method);
        }

        [Fact]
        public async Task Each_send_gets_its_own_sid()
        {
            using var harness = new SandboxHarness();

            Answer first = await harness.SendCodeAsync(SandboxHarness.Mobile);
            Answer second = await harness.SendCodeAsync(SandboxHarness.OtherMobile);

            Assert.NotEqual(first.Result.GetProperty("sid").GetString(), second.Result.GetProperty("sid").GetString());
        }

        [Theory]
        [InlineData(70, 1)]
        [InlineData(71, 2)]
        [InlineData(134, 2)]
        [InlineData(135, 3)]
        public async Task Fee_is_the_billed_segments_of_the_message_with_its_signature(int renderedLength, int fee)
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.RegisterTemplate(9, "#text#");
            // "【Sandbox】" is 9 characters: the rest comes from the variable.
            string text = new string('长', renderedLength - JuheSmsSandbox.DefaultSignature.Length);

            Answer answer = await harness.PostAsync(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "9"), ("tpl_value", Form.TplValue(("text", text))));

            answer.AssertAccepted();
            Assert.Equal(fee, answer.Result.GetProperty("fee").GetInt32());
            Assert.Equal(1, answer.Result.GetProperty("count").GetInt32());
            SentSms sent = Assert.Single(harness.Sandbox.Sent);
            Assert.Equal(renderedLength, sent.Text.Length);
            Assert.Equal(fee, sent.Segments);
        }

        [Fact]
        public async Task A_template_with_its_own_signature_gets_no_other()
        {
            using var harness = new SandboxHarness();

            Answer answer = await harness.PostAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "2"), ("vars", "{\"name\":\"张三\",\"order\":\"A-1\"}"));

            answer.AssertAccepted();
            SentSms sent = Assert.Single(harness.Sandbox.Sent);
            Assert.Equal("【聚合数据】张三，您的订单A-1已发货", sent.Text);
            Assert.Equal("【聚合数据】", sent.Signature);
        }

        [Fact]
        public async Task The_signature_property_is_prepended_at_send_time()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.Signature = "【测试】";

            (await harness.SendCodeAsync()).AssertAccepted();

            Assert.Equal("【测试】您的验证码是1234，5分钟内有效。", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task Get_with_a_query_string_is_accepted_and_recorded_as_get()
        {
            using var harness = new SandboxHarness();

            Answer answer = await harness.GetAsync(
                ("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"42\"}"));

            answer.AssertAccepted();
            Assert.Equal("GET", harness.Sandbox.LastSent!.Method);
            Assert.Equal("【Sandbox】您的验证码是42，5分钟内有效。", harness.Sandbox.LastSent.Text);
        }

        [Fact]
        public async Task A_template_without_placeholders_needs_no_variables()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.RegisterTemplate(3, "系统维护通知");

            (await harness.PostAsync(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "3"))).AssertAccepted();

            Assert.Equal("【Sandbox】系统维护通知", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task An_empty_ext_counts_as_absent()
        {
            using var harness = new SandboxHarness();

            (await harness.PostAsync(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"1\"}"), ("ext", ""))).AssertAccepted();

            Assert.Null(harness.Sandbox.LastSent!.Ext);
        }

        [Fact]
        public async Task A_custom_key_is_the_only_key_accepted()
        {
            using var harness = new SandboxHarness(key: "my-key");

            (await harness.PostAsync(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"1\"}"))).AssertRefused(10001);
            (await harness.PostAsync(("key", "my-key"), ("mobile", SandboxHarness.Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"1\"}"))).AssertAccepted();
            Assert.Equal("my-key", harness.Sandbox.Key);
        }

        [Fact]
        public void The_synchronous_send_path_works_too()
        {
            using var harness = new SandboxHarness();
            using var request = new HttpRequestMessage(HttpMethod.Post, "sms/send")
            {
                Content = new StringContent(
                    Form.Encode(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"7\"}")),
                    System.Text.Encoding.ASCII,
                    "application/x-www-form-urlencoded"),
            };

            using HttpResponseMessage response = harness.Http.Send(request);

            using JsonDocument document = JsonDocument.Parse(response.Content.ReadAsStream());
            Assert.Equal(0, document.RootElement.GetProperty("error_code").GetInt32());
            Assert.Equal("【Sandbox】您的验证码是7，5分钟内有效。", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task Requests_count_every_request_and_reset_forgets_them()
        {
            using var harness = new SandboxHarness();
            (await harness.SendCodeAsync()).AssertAccepted();
            (await harness.PostAsync(("key", "wrong"))).AssertRefused(10001);

            Assert.Equal(2, harness.Sandbox.Requests);
            Assert.Single(harness.Sandbox.Sent);

            harness.Sandbox.Reset();

            Assert.Equal(0, harness.Sandbox.Requests);
            Assert.Empty(harness.Sandbox.Sent);
            Assert.Null(harness.Sandbox.LastSent);
            // The frequency history went too: the same number is accepted again at the same instant, and templates stay.
            (await harness.SendCodeAsync()).AssertAccepted();
        }

        [Fact]
        public void Construction_and_registration_refuse_bad_arguments()
        {
            Assert.Throws<ArgumentException>(() => new JuheSmsSandbox(""));
            using var sandbox = new JuheSmsSandbox();
            Assert.Equal(JuheSmsSandbox.DefaultKey, sandbox.Key);
            Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.RegisterTemplate(0, "x"));
            Assert.Throws<ArgumentException>(() => sandbox.RegisterTemplate(1, ""));
            Assert.Throws<ArgumentNullException>(() => sandbox.Signature = null!);
        }

        [Fact]
        public async Task A_cancelled_request_is_not_handled()
        {
            using var sandbox = new JuheSmsSandbox();
            using var invoker = new HttpMessageInvoker(sandbox, disposeHandler: false);
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://v.juhe.cn/sms/send");

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoker.SendAsync(request, new System.Threading.CancellationToken(canceled: true)));
            Assert.Equal(0, sandbox.Requests);
        }
    }
}
