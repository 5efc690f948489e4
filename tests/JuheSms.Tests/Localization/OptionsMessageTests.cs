using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using Xunit;

namespace JuheSms.Tests.Localization
{
    /// <summary>Each options failure under <c>en</c> (today's exact English) and <c>zh-Hans</c>; one bad setting per case.</summary>
    public class OptionsMessageTests
    {
        public static IEnumerable<object[]> Cases()
        {
            yield return Case(o => o.Key = null,
                "JuheSmsOptions.Key is required: set it to the account's API key (personal centre -> my data).",
                "必须设置 JuheSmsOptions.Key：填入账号的 API Key（在聚合数据“个人中心 → 我的数据”中查看）。");
            yield return Case(o => o.Key = "abc def",
                "JuheSmsOptions.Key holds white space or control characters; an API key has none (check for a stray space or line break).",
                "JuheSmsOptions.Key 中含有空白或控制字符，而 API Key 里不会有这些字符（请检查是否多复制了空格或换行）。");
            yield return Case(o => o.Endpoint = null,
                "JuheSmsOptions.Endpoint is required: an absolute http or https URI such as https://v.juhe.cn/sms/send.",
                "必须设置 JuheSmsOptions.Endpoint：一个绝对的 http 或 https 地址，例如 https://v.juhe.cn/sms/send。");
            yield return Case(o => o.Endpoint = new Uri("/sms/send", UriKind.Relative),
                "JuheSmsOptions.Endpoint '/sms/send' is a relative URI; it must be an absolute http or https URI such as https://v.juhe.cn/sms/send.",
                "JuheSmsOptions.Endpoint“/sms/send”是相对地址；它必须是绝对的 http 或 https 地址，例如 https://v.juhe.cn/sms/send。");
            yield return Case(o => o.Endpoint = new Uri("ftp://v.juhe.cn/sms/send"),
                "JuheSmsOptions.Endpoint uses the scheme 'ftp'; only http and https are supported.",
                "JuheSmsOptions.Endpoint 使用的协议是“ftp”；只支持 http 和 https。");
            yield return Case(o => o.Endpoint = new Uri("https://v.juhe.cn/sms/send?key=abc"),
                "JuheSmsOptions.Endpoint must not carry a query string; the client posts every field in the form body.",
                "JuheSmsOptions.Endpoint 不能带查询字符串：客户端把所有字段（包括 Key）都放在 POST 表单正文中发送。");
            yield return Case(o => o.Timeout = TimeSpan.Zero,
                "JuheSmsOptions.Timeout must be positive and at most 24.20:31:23.6470000; got 00:00:00.",
                "JuheSmsOptions.Timeout 必须大于零且不超过 24.20:31:23.6470000，当前为 00:00:00。");
            yield return Case(o => o.VariableEncoding = (VariableEncoding)99,
                "JuheSmsOptions.VariableEncoding '99' is not one of Vars, TplValue.",
                "JuheSmsOptions.VariableEncoding 的值“99”无效，只能是 Vars 或 TplValue。");
            yield return Case(o => { o.RetryOnRetryableErrors = true; o.MaxRetries = 0; },
                $"JuheSmsOptions.MaxRetries must be 1 to {JuheSmsOptions.MaxRetriesLimit} when RetryOnRetryableErrors is on; got 0.",
                $"开启 RetryOnRetryableErrors 时，JuheSmsOptions.MaxRetries 必须在 1 到 {JuheSmsOptions.MaxRetriesLimit} 之间，当前为 0。");
            yield return Case(o => { o.RetryOnRetryableErrors = true; o.RetryDelay = TimeSpan.FromSeconds(-1); },
                "JuheSmsOptions.RetryDelay must be zero to 00:05:00; got -00:00:01.",
                "JuheSmsOptions.RetryDelay 必须在 0 到 00:05:00 之间，当前为 -00:00:01。");
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void English_is_todays_text(Action<JuheSmsOptions> breakIt, string english, string chinese)
        {
            _ = chinese;
            using (UiCulture.Set("en"))
            {
                Assert.Equal(new[] { english }, Failures(breakIt));
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Chinese_comes_from_the_zh_Hans_resources(Action<JuheSmsOptions> breakIt, string english, string chinese)
        {
            _ = english;
            using (UiCulture.Set("zh-Hans"))
            {
                Assert.Equal(new[] { chinese }, Failures(breakIt));
                var ex = Assert.Throws<OptionsValidationException>(() => JuheSmsOptionsValidator.ThrowIfInvalid(Options(breakIt)));
                Assert.Contains(chinese, ex.Message, StringComparison.Ordinal);
            }
        }

        private static IEnumerable<string> Failures(Action<JuheSmsOptions> breakIt)
            => new JuheSmsOptionsValidator().Validate(null, Options(breakIt)).Failures ?? Array.Empty<string>();

        private static JuheSmsOptions Options(Action<JuheSmsOptions> breakIt)
        {
            var options = new JuheSmsOptions { Key = "0123456789abcdef", Endpoint = new Uri("https://v.juhe.cn/sms/send") };
            breakIt(options);
            return options;
        }

        private static object[] Case(Action<JuheSmsOptions> breakIt, string english, string chinese) => new object[] { breakIt, english, chinese };
    }
}
