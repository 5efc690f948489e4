using System;
using JuheSms.Testing;
using Xunit;

namespace JuheSms.Tests.Localization
{
    /// <summary>The sandbox's argument checks in English and, under a zh-Hans UI culture, in Chinese.</summary>
    public class SandboxMessageTests
    {
        [Theory]
        [InlineData("en", "The sandbox needs a non-empty key.")]
        [InlineData("zh-Hans", "沙箱需要一个非空的 Key。")]
        public void An_empty_key(string culture, string expected)
        {
            using (UiCulture.Set(culture))
            {
                var ex = Assert.Throws<ArgumentException>(() => new JuheSmsSandbox(""));
                Assert.Equal("key", ex.ParamName);
                Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("en", "A template needs text.", "A template id (tpl_id) is a positive integer.")]
        [InlineData("zh-Hans", "模板必须有文本。", "模板 ID（tpl_id）必须是正整数。")]
        public void A_bad_template(string culture, string noText, string badId)
        {
            using (UiCulture.Set(culture))
            {
                var sandbox = new JuheSmsSandbox();
                Assert.StartsWith(noText, Assert.Throws<ArgumentException>("text", () => sandbox.RegisterTemplate(1, "")).Message, StringComparison.Ordinal);
                Assert.StartsWith(badId, Assert.Throws<ArgumentOutOfRangeException>("tplId", () => sandbox.RegisterTemplate(0, "x")).Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("en", "error_code 0 means success")]
        [InlineData("zh-Hans", "error_code 0 表示成功")]
        public void FailNext_with_success(string culture, string expected)
        {
            using (UiCulture.Set(culture))
            {
                var ex = Assert.Throws<ArgumentOutOfRangeException>("errorCode", () => new JuheSmsSandbox().FailNext(0));
                Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
            }
        }
    }
}
