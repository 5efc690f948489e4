using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace JuheSms.Tests.Localization
{
    /// <summary>
    /// <see cref="JuheSmsException.Description"/> and the provider-error message for every code on the provider's page,
    /// in English (today's exact text) and Chinese; the provider's own <see cref="JuheSmsException.Reason"/> never changes.
    /// </summary>
    public class ErrorDescriptionTests
    {
        // code, English (as it was before the resources), Chinese.
        public static readonly object[][] Descriptions =
        {
            new object[] { 205401, "Wrong mobile number.", "手机号码错误。" },
            new object[] { 205402, "Wrong SMS template id.", "短信模板 ID 错误。" },
            new object[] { 205403, "Network error, please retry.", "网络错误，请重试。" },
            new object[] { 205404, "Send failed; the reason text says why.", "发送失败，具体原因见 reason。" },
            new object[] { 205405, "The number is abnormal, or the same number was sent to too often.", "号码异常，或同一号码发送过于频繁。" },
            new object[] { 205406, "The template is not supported.", "不支持该模板。" },
            new object[] { 205407, "Batch send: too many numbers.", "批量发送：号码数量超出上限。" },
            new object[] { 205408, "Batch send: not enough stock (quota) left.", "批量发送：剩余可发条数不足。" },
            new object[] { 205409, "System busy, retry later.", "系统繁忙，请稍后重试。" },
            new object[] { 205410, "Wrong request method.", "请求方法错误。" },
            new object[] { 10001, "Wrong request KEY.", "请求的 KEY 错误。" },
            new object[] { 10002, "This KEY has no permission for the API.", "该 KEY 没有调用此接口的权限。" },
            new object[] { 10003, "The KEY has expired.", "KEY 已过期。" },
            new object[] { 10004, "Wrong OPENID.", "OPENID 错误。" },
            new object[] { 10005, "The application was not reviewed in time; submit certification.", "应用审核已超时，请提交认证。" },
            new object[] { 10007, "Unknown request source.", "未知的请求来源。" },
            new object[] { 10008, "This IP is banned.", "该 IP 已被禁止访问。" },
            new object[] { 10009, "This KEY is banned.", "该 KEY 已被禁用。" },
            new object[] { 10011, "This IP is over its request limit.", "当前 IP 的请求次数超过限制。" },
            new object[] { 10012, "Requests over the limit.", "请求次数超过限制。" },
            new object[] { 10013, "The test KEY is over its request limit.", "测试 KEY 的请求次数超过限制。" },
            new object[] { 10014, "Internal system error.", "系统内部异常。" },
            new object[] { 10020, "The API is under maintenance.", "接口维护中。" },
            new object[] { 10021, "The API is disabled.", "接口已停用。" },
            new object[] { 0, "Accepted.", "发送成功。" },
            new object[] { 999999, "An error code the provider's page does not document; see the reason text.", "聚合数据的接口文档中没有这个错误码，请查看 reason 中的说明。" },
        };

        [Fact]
        public void Every_documented_code_is_in_the_table()
        {
            IEnumerable<int> tested = Descriptions.Select(row => (int)row[0]);
            Assert.All(JuheSmsErrors.DocumentedCodes, code => Assert.Contains(code, tested));
        }

        [Theory]
        [MemberData(nameof(Descriptions))]
        public void Description_in_English_and_in_Chinese(int code, string english, string chinese)
        {
            var ex = new JuheSmsException(code, "原因");
            using (UiCulture.Set("en"))
            {
                Assert.Equal(english, ex.Description);
                Assert.Equal(english, JuheSmsErrors.Describe(code));
            }

            using (UiCulture.Set("zh-Hans"))
            {
                Assert.Equal(chinese, ex.Description);
                Assert.Equal(chinese, JuheSmsErrors.Describe(code));
                Assert.Equal("原因", ex.Reason);
            }
        }

        [Fact]
        public void The_message_with_the_providers_reason()
        {
            using (UiCulture.Set("en"))
            {
                Assert.Equal("Juhe SMS error 205401: 错误的手机号码 (Wrong mobile number.)", new JuheSmsException(205401, "错误的手机号码").Message);
            }

            using (UiCulture.Set("zh-Hans"))
            {
                var ex = new JuheSmsException(205401, "错误的手机号码");
                Assert.Equal("聚合短信错误 205401：错误的手机号码（手机号码错误。）", ex.Message);
                Assert.Equal("错误的手机号码", ex.Reason);
            }
        }

        [Fact]
        public void The_message_without_a_reason()
        {
            using (UiCulture.Set("en"))
            {
                Assert.Equal("Juhe SMS error 10012: Requests over the limit.", new JuheSmsException(10012, "").Message);
            }

            using (UiCulture.Set("zh-Hans"))
            {
                Assert.Equal("聚合短信错误 10012：请求次数超过限制。", new JuheSmsException(10012, "").Message);
            }
        }

        [Fact]
        public void Another_culture_without_a_translation_gets_English()
        {
            using (UiCulture.Set("fr-FR"))
            {
                Assert.Equal("Wrong mobile number.", JuheSmsErrors.Describe(205401));
            }

            foreach (string chinese in new[] { "zh-CN", "zh-SG" })
            {
                using (UiCulture.Set(chinese))
                {
                    // Their parent is zh-Hans: a Chinese Windows or Visual Studio gets the Chinese text.
                    Assert.Equal("手机号码错误。", JuheSmsErrors.Describe(205401));
                }
            }
        }
    }
}
