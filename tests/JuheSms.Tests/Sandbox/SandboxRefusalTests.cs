using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using JuheSms.Testing;
using Xunit;

namespace JuheSms.Tests.Sandbox
{
    public class SandboxRefusalTests
    {
        private const string Key = JuheSmsSandbox.DefaultKey;
        private const string Mobile = SandboxHarness.Mobile;
        private const string CodeVars = "{\"code\":\"1234\"}";

        [Fact]
        public async Task A_missing_key_answers_10001()
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("mobile", Mobile), ("tpl_id", "1"), ("vars", CodeVars));
            answer.AssertRefused(10001);
            Assert.Equal("错误的请求KEY", answer.Reason);
            Assert.Empty(harness.Sandbox.Sent);
        }

        [Theory]
        [InlineData("wrong")]
        [InlineData("")]
        [InlineData("SANDBOX-KEY")]
        public async Task A_wrong_key_answers_10001(string key)
        {
            using var harness = new SandboxHarness();
            (await harness.PostAsync(("key", key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", CodeVars))).AssertRefused(10001);
            Assert.Empty(harness.Sandbox.Sent);
        }

        [Theory]
        [InlineData("")]
        [InlineData("1380013800")]     // 10 digits
        [InlineData("138001380001")]   // 12 digits
        [InlineData("12800138000")]    // 1[3-9] required
        [InlineData("+1 13800138000")] // not mainland
        [InlineData("1380013800a")]
        public async Task A_bad_mobile_answers_205401(string mobile)
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", mobile), ("tpl_id", "1"), ("vars", CodeVars));
            answer.AssertRefused(205401);
            Assert.Equal("错误的手机号码", answer.Reason);
        }

        [Fact]
        public async Task A_missing_mobile_answers_205401()
        {
            using var harness = new SandboxHarness();
            (await harness.PostAsync(("key", Key), ("tpl_id", "1"), ("vars", CodeVars))).AssertRefused(205401);
        }

        [Theory]
        [InlineData("99")]
        [InlineData("abc")]
        [InlineData("-1")]
        [InlineData("1.0")]
        [InlineData("")]
        public async Task An_unknown_or_non_numeric_tpl_id_answers_205402(string tplId)
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", tplId), ("vars", CodeVars));
            answer.AssertRefused(205402);
            Assert.Equal("错误的短信模板ID", answer.Reason);
        }

        [Fact]
        public async Task A_missing_tpl_id_answers_205402()
        {
            using var harness = new SandboxHarness();
            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("vars", CodeVars))).AssertRefused(205402);
        }

        [Fact]
        public async Task A_placeholder_without_a_value_answers_205404_naming_it()
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", "{\"kode\":\"1234\"}"));
            answer.AssertRefused(205404);
            Assert.Contains("#code#", answer.Reason);
            Assert.Empty(harness.Sandbox.Sent);
        }

        [Fact]
        public async Task Every_missing_placeholder_is_named()
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "2"), ("tpl_value", Form.TplValue(("name", "张三"))));
            answer.AssertRefused(205404);
            Assert.Contains("#order#", answer.Reason);
            Assert.DoesNotContain("#name#", answer.Reason);

            Answer none = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "2"));
            none.AssertRefused(205404);
            Assert.Contains("#name#", none.Reason);
            Assert.Contains("#order#", none.Reason);
        }

        [Theory]
        [InlineData("1234567890")] // 10 digits: at most 9
        [InlineData("12a")]
        [InlineData("-1")]
        [InlineData(" 1")]
        public async Task A_bad_ext_answers_205404(string ext)
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", CodeVars), ("ext", ext));
            answer.AssertRefused(205404);
            Assert.Contains("ext", answer.Reason);
        }

        [Fact]
        public async Task Nine_ext_digits_are_accepted()
        {
            using var harness = new SandboxHarness();
            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", CodeVars), ("ext", "123456789"))).AssertAccepted();
            Assert.Equal("123456789", harness.Sandbox.LastSent!.Ext);
        }

        [Theory]
        [InlineData("{\"code\":")]         // truncated
        [InlineData("code=1234")]          // not JSON
        [InlineData("[\"1234\"]")]         // not an object
        [InlineData("{\"code\":true}")]    // neither string nor number
        [InlineData("{\"code\":null}")]
        [InlineData("{\"code\":{\"a\":1}}")]
        public async Task Malformed_vars_answer_205404_with_a_clear_reason(string vars)
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", vars));
            answer.AssertRefused(205404);
            Assert.Contains("vars", answer.Reason);
            Assert.Empty(harness.Sandbox.Sent);
        }

        [Theory]
        [InlineData("#code#1234")]   // no '='
        [InlineData("code=1234")]    // name not written #code#
        [InlineData("#code=1234")]
        public async Task Malformed_tpl_value_answers_205404_with_a_clear_reason(string tplValue)
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("tpl_value", tplValue));
            answer.AssertRefused(205404);
            Assert.Contains("tpl_value", answer.Reason);
        }

        [Fact]
        public async Task Both_vars_and_tpl_value_answer_205404()
        {
            using var harness = new SandboxHarness();
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", CodeVars), ("tpl_value", Form.TplValue(("code", "1"))));
            answer.AssertRefused(205404);
            Assert.Contains("vars", answer.Reason);
            Assert.Contains("tpl_value", answer.Reason);
        }

        [Theory]
        [InlineData("PUT")]
        [InlineData("DELETE")]
        [InlineData("PATCH")]
        public async Task A_method_other_than_get_or_post_answers_205410(string method)
        {
            using var harness = new SandboxHarness();
            using var request = new HttpRequestMessage(new HttpMethod(method), "sms/send?" + Form.Encode(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", CodeVars)));
            using HttpResponseMessage response = await harness.Http.SendAsync(request);
            Answer answer = await Answer.ReadAsync(response);
            answer.AssertRefused(205410);
            Assert.Equal("请求方法错误", answer.Reason);
            Assert.Empty(harness.Sandbox.Sent);
        }

        [Fact]
        public async Task A_post_body_that_is_not_a_form_is_not_read()
        {
            using var harness = new SandboxHarness();
            using var content = new StringContent("{\"key\":\"sandbox-key\",\"mobile\":\"13800138000\",\"tpl_id\":1}", Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await harness.Http.PostAsync("sms/send", content);
            (await Answer.ReadAsync(response)).AssertRefused(10001);
        }

        [Fact]
        public async Task A_wrong_path_is_an_http_404()
        {
            using var harness = new SandboxHarness();
            using var content = new StringContent(Form.Encode(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", CodeVars)), Encoding.ASCII, "application/x-www-form-urlencoded");
            using HttpResponseMessage response = await harness.Http.PostAsync("sms/sendx", content);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("/sms/send", await response.Content.ReadAsStringAsync());
            Assert.Empty(harness.Sandbox.Sent);
        }

        [Fact]
        public async Task Key_is_checked_before_mobile_and_mobile_before_template()
        {
            using var harness = new SandboxHarness();
            (await harness.PostAsync(("key", "x"), ("mobile", "1"), ("tpl_id", "99"))).AssertRefused(10001);
            (await harness.PostAsync(("key", Key), ("mobile", "1"), ("tpl_id", "99"))).AssertRefused(205401);
            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "99"), ("ext", "x"))).AssertRefused(205402);
        }
    }
}
