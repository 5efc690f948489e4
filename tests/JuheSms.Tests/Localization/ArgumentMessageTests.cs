using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using JuheSms.Internal;
using Xunit;

namespace JuheSms.Tests.Localization
{
    /// <summary>
    /// The argument checks' messages under <c>en</c> (today's exact English) and under <c>zh-Hans</c> (the Chinese resources).
    /// <see cref="ArgumentException.Message"/> ends with the runtime's own "(Parameter '...')", so the start is compared.
    /// </summary>
    public class ArgumentMessageTests
    {
        private const string ValueRule = "template variable values must not contain '#', '【', '】' or control characters.";
        private const string ValueRuleZh = "模板变量的值不能包含“#”“【”“】”或控制字符。";

        public static IEnumerable<object[]> Cases()
        {
            yield return Case("mobile", () => SmsValidation.NormalizeMobile("12800138000"),
                "'128****8000' is not a mainland China mobile number: expected 11 digits starting 1[3-9], optionally after +86, 86 or 0086.",
                "“128****8000”不是中国大陆手机号码：应为以 1[3-9] 开头的 11 位数字，前面可以带 +86、86 或 0086。");
            yield return Case("tplId", () => SmsValidation.EnsureTplId(0),
                "The template id (tpl_id) must be a positive integer.",
                "模板 ID（tpl_id）必须是正整数。");
            yield return Case("ext", () => SmsValidation.EnsureExt("12a"),
                "The extension code (ext) must be 1 to 9 digits; got '12a'.",
                "扩展码（ext）必须是 1 到 9 位数字，实际传入的是“12a”。");
            yield return Case("value null", () => SmsValidation.EnsureSafeValue(null, "code"),
                "A template variable value cannot be null.",
                "模板变量的值不能为 null。");
            yield return Case("value #", () => SmsValidation.EnsureSafeValue("a#b", "code"),
                "The value holds '#' at index 1; " + ValueRule,
                "变量值在索引 1 处含有“#”；" + ValueRuleZh);
            yield return Case("value line feed", () => SmsValidation.EnsureSafeValue("a\nb", "code"),
                "The value holds U+000A (line feed) at index 1; " + ValueRule,
                "变量值在索引 1 处含有换行符（U+000A）；" + ValueRuleZh);
            yield return Case("value tab", () => SmsValidation.EnsureSafeValue("\tb", "code"),
                "The value holds U+0009 (tab) at index 0; " + ValueRule,
                "变量值在索引 0 处含有制表符（U+0009）；" + ValueRuleZh);
            yield return Case("value control", () => SmsValidation.EnsureSafeValue("a\u0001", "code"),
                "The value holds U+0001 (control character) at index 1; " + ValueRule,
                "变量值在索引 1 处含有控制字符 U+0001；" + ValueRuleZh);
            yield return Case("too long", () => SmsValidation.EnsureTemplateValue("12345", "code", "code", maxLength: 4),
                "The value of 'code' (#code#) must be at most 4 characters; it has 5.",
                "参数“code”（变量 #code#）的值最多只能有 4 个字符，实际有 5 个。");
            yield return Case("pattern", () => SmsValidation.EnsureTemplateValue(12, "minutes", "minutes", pattern: new Regex("^[0-9]$")),
                "The value of 'minutes' (#minutes#) does not match the pattern ^[0-9]$.",
                "参数“minutes”（变量 #minutes#）的值不符合正则表达式 ^[0-9]$。");
            yield return Case("name empty", () => SmsValidation.EnsureVariableName(""),
                "A template variable name cannot be null or empty.",
                "模板变量名不能为 null 或空字符串。");
            yield return Case("name space", () => SmsValidation.EnsureVariableName("a b"),
                "The template variable name 'a b' holds ' ' at index 1; names must not contain '#', '&', '=', white space or control characters.",
                "模板变量名“a b”在索引 1 处含有“ ”；变量名不能包含“#”“&”“=”、空白或控制字符。");
            yield return Case("variable null", () => SmsValidation.EnsureVariable("code", null),
                "The value of template variable 'code' cannot be null.",
                "模板变量“code”的值不能为 null。");
            yield return Case("variable carriage return", () => SmsValidation.EnsureVariable("code", "1\r"),
                "The value of template variable 'code' holds U+000D (carriage return) at index 1; " + ValueRule,
                "模板变量“code”的值在索引 1 处含有回车符（U+000D）；" + ValueRuleZh);
            yield return Case("variable lone surrogate", () => SmsValidation.EnsureVariable("code", "1\ud800"),
                "The value of template variable 'code' holds a lone surrogate U+D800 at index 1; it is not valid text.",
                "模板变量“code”的值在索引 1 处含有不成对的代理项 U+D800，这不是有效的文本。");
            yield return Case("length", () => SmsLength.CountSegments(-1),
                "A length cannot be negative.",
                "长度不能为负数。");
            yield return Case("limit sends", () => new SmsSendLimit(0, TimeSpan.FromMinutes(1)),
                "A limit allows at least one send.",
                "一条频率限制至少要允许发送一条。");
            yield return Case("limit window", () => new SmsSendLimit(1, TimeSpan.Zero),
                "A limit's window must be between 1 millisecond and 366 days.",
                "频率限制的时间窗口必须在 1 毫秒到 366 天之间。");
            yield return Case("guard no limit", () => new SmsSendGuardOptions { Limits = new List<SmsSendLimit>() }.GetCheckedLimits(),
                "A send guard needs at least one limit (SmsSendGuardOptions.Limits is empty).",
                "发送频率守卫至少需要一条频率限制（SmsSendGuardOptions.Limits 为空）。");
            yield return Case("guard null limit", () => new SmsSendGuardOptions { Limits = new List<SmsSendLimit> { null! } }.GetCheckedLimits(),
                "SmsSendGuardOptions.Limits holds a null entry.",
                "SmsSendGuardOptions.Limits 中有一项为 null。");
            yield return Case("batch concurrency", () => new SmsBatchOptions { MaxConcurrency = 0 }.Validate(),
                "SmsBatchOptions.MaxConcurrency must be between 1 and 64.",
                "SmsBatchOptions.MaxConcurrency 必须在 1 到 64 之间。");
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void English_is_todays_text(string name, Action act, string english, string chinese)
        {
            _ = chinese;
            using (UiCulture.Set("en"))
            {
                ArgumentException ex = Assert.ThrowsAny<ArgumentException>(act);
                Assert.True(ex.Message.StartsWith(english, StringComparison.Ordinal), name + ": " + ex.Message);
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Chinese_comes_from_the_zh_Hans_resources(string name, Action act, string english, string chinese)
        {
            _ = english;
            using (UiCulture.Set("zh-Hans"))
            {
                ArgumentException ex = Assert.ThrowsAny<ArgumentException>(act);
                Assert.True(ex.Message.StartsWith(chinese, StringComparison.Ordinal), name + ": " + ex.Message);
            }
        }

        [Fact]
        public void A_message_follows_the_culture_of_the_call_not_of_an_earlier_one()
        {
            string chinese;
            using (UiCulture.Set("zh-Hans"))
            {
                chinese = Assert.ThrowsAny<ArgumentException>(() => SmsValidation.EnsureTplId(0)).Message;
            }

            string english = Assert.ThrowsAny<ArgumentException>(() => SmsValidation.EnsureTplId(0)).Message;

            Assert.StartsWith("模板 ID", chinese, StringComparison.Ordinal);
            Assert.StartsWith("The template id", english, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData('#')]
        [InlineData('a')]
        [InlineData('\r')]
        [InlineData('\n')]
        [InlineData('\t')]
        [InlineData('\u0001')]
        [InlineData('\u007f')]
        public void A_character_is_described_in_English_as_the_shared_rules_describe_it(char c)
        {
            using (UiCulture.Set("en"))
            {
                Assert.Equal(SmsRules.DescribeChar(c), Strings.DescribeChar(c));
            }
        }

        private static object[] Case(string name, Action act, string english, string chinese) => new object[] { name, act, english, chinese };

        private static object[] Case(string name, Func<object?> act, string english, string chinese) => new object[] { name, new Action(() => act()), english, chinese };
    }
}
