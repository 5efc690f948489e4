using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// The templates-file diagnostics in English and in Chinese (issue 10): each message as the generator reports it,
    /// read back in <c>en</c> and in <c>zh-Hans</c> (the satellite assembly beside the generator), the words we put into
    /// messages (<c>an array</c>, <c>whitespace</c>) translated with them, and the Chinese diagnostic pages headed by the
    /// Chinese titles. The expected texts are written out here, not read from the .resx files.
    /// </summary>
    public class LocalizedDiagnosticTests
    {
        private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
        private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

        [Theory]
        [InlineData(
            "JSMS001",
            """[ ]""",
            """The SMS templates file is not valid: the root is an array; expected an object with a "templates" array""",
            """短信模板文件无效：根是数组；应为带有 "templates" 数组的对象""")]
        [InlineData(
            "JSMS001",
            """{ "templates": [], "templates": [] }""",
            """The SMS templates file is not valid: the property "templates" appears twice in the same object""",
            """短信模板文件无效：同一个对象里属性 "templates" 出现了两次""")]
        [InlineData(
            "JSMS002",
            """{ "templates": [ { "name": "OrderShipped", "tplId": "123457", "text": "x" } ] }""",
            "\"tplId\" of template 'OrderShipped' must be a positive integer up to 2147483647; got a string",
            """模板“OrderShipped”的 "tplId" 必须是不超过 2147483647 的正整数，实际是字符串""")]
        [InlineData(
            "JSMS002",
            """{ "templates": [ { "name": "A", "text": "x" } ] }""",
            "Template 'A' lacks \"tplId\"",
            "模板“A”缺少 \"tplId\"")]
        [InlineData(
            "JSMS003",
            """{ "templates": [ { "name": "A", "tplId": 123457, "text": "x" }, { "name": "B", "tplId": 123457, "text": "y" } ] }""",
            "Another template already has the tplId 123457",
            "已有另一个模板使用 tplId 123457")]
        [InlineData(
            "JSMS004",
            """{ "templates": [ { "name": "order-shipped", "tplId": 1, "text": "x" } ] }""",
            "The template name 'order-shipped' is not a valid C# identifier (letters, digits and '_', not starting with a digit, not a keyword); no method is generated for it",
            "模板名称“order-shipped”不是合法的 C# 标识符（只能包含字母、数字和“_”，不能以数字开头，不能是关键字）；不会为它生成方法")]
        [InlineData(
            "JSMS005",
            """{ "templates": [ { "name": "VerificationCode", "tplId": 1, "text": "#code##minutes#", "variables": { "code": {} } } ] }""",
            "The placeholder '#minutes#' of template 'VerificationCode' has no entry in \"variables\"",
            """模板“VerificationCode”的占位符“#minutes#”在 "variables" 中没有对应项""")]
        [InlineData(
            "JSMS006",
            """{ "templates": [ { "name": "VerificationCode", "tplId": 1, "text": "#code#", "variables": { "code": {}, "minutes": {} } } ] }""",
            "The variable 'minutes' of template 'VerificationCode' has no '#minutes#' placeholder in the text; it is ignored",
            "模板“VerificationCode”的变量“minutes”在模板内容中没有“#minutes#”占位符，已忽略")]
        [InlineData(
            "JSMS007",
            """{ "templates": [ { "name": "OrderShipped", "tplId": 1, "text": "您的订单#order已发货。" } ] }""",
            "The text of template 'OrderShipped' has an unbalanced '#': placeholders are written #name#",
            "模板“OrderShipped”的内容中有不成对的“#”：占位符应写作 #name#")]
        [InlineData(
            "JSMS007",
            """{ "templates": [ { "name": "A", "tplId": 1, "text": "#a b#" } ] }""",
            "The placeholder '#a b#' of template 'A' holds whitespace (a variable name must not hold '#', '&', '=' or whitespace)",
            "模板“A”的占位符“#a b#”含有空白字符（变量名不能包含“#”“&”“=”或空白字符）")]
        [InlineData(
            "JSMS008",
            """{ "signature": "【Contoso】", "templates": [ { "name": "Long", "tplId": 1, "text": "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十#code#", "variables": { "code": { "maxLength": 8 } } } ] }""",
            "Template 'Long' can render to 87 characters with the signature, billed as 2 messages (one message holds 70)",
            "模板“Long”加上签名最多可达 87 个字，按 2 条计费（单条短信最多 70 个字）")]
        [InlineData(
            "JSMS008",
            """{ "signature": "【Contoso】", "templates": [ { "name": "Long", "tplId": 1, "text": "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十#code#" } ] }""",
            "Template 'Long' can render to at least 79 characters with the signature, billed as at least 2 messages (one message holds 70)",
            "模板“Long”加上签名可达 79 个字或更多，至少按 2 条计费（单条短信最多 70 个字）")]
        [InlineData(
            "JSMS009",
            """{ "templates": [ { "name": "SpringSale", "tplId": 1, "kind": "marketing", "text": "春季大促，全场#discount#折起。" } ] }""",
            "Marketing template 'SpringSale' must end with '拒收请回复R'",
            "营销短信模板“SpringSale”必须以“拒收请回复R”结尾")]
        [InlineData(
            "JSMS010",
            """{ "templates": [ { "name": "A", "tplId": 1, "text": "#amount#", "variables": { "amount": { "type": "decimal" } } } ] }""",
            "Unknown type 'decimal' of variable 'amount' of template 'A': expected string, int or long",
            "模板“A”中变量“amount”的类型“decimal”无法识别：应为 string、int 或 long")]
        public void A_templates_file_diagnostic_reads_in_English_and_in_Chinese(string id, string json, string english, string chinese)
        {
            Diagnostic diagnostic = Assert.Single(GeneratorRunner.Run("/src/sms-templates.json", json).Result.Diagnostics, d => d.Id == id);

            Assert.Equal(english, diagnostic.GetMessage(English));
            Assert.Equal(chinese, diagnostic.GetMessage(Chinese));
        }

        [Fact]
        public void The_generator_failure_reads_in_English_and_in_Chinese()
        {
            // JSMS011 reports a bug in the generator: no file triggers it, so the real descriptor is formatted directly.
            Diagnostic diagnostic = Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, "InvalidOperationException", "boom");

            Assert.Equal(
                "JuheSms.Generators failed while generating code for this templates file (InvalidOperationException: boom); this is a bug in the generator, not a mistake in the file: please report it",
                diagnostic.GetMessage(English));
            Assert.Equal(
                "JuheSms.Generators 为此模板文件生成代码时出错（InvalidOperationException: boom）；这是生成器的缺陷，不是文件写错了：请报告这个问题",
                diagnostic.GetMessage(Chinese));
        }

        [Fact]
        public void Every_descriptor_has_a_Chinese_title_message_and_description()
        {
            foreach (DiagnosticDescriptor descriptor in AllDescriptors())
            {
                foreach ((string part, LocalizableString text) in new[] { ("title", descriptor.Title), ("message", descriptor.MessageFormat), ("description", descriptor.Description) })
                {
                    string english = text.ToString(English);
                    string chinese = text.ToString(Chinese);
                    Assert.False(string.IsNullOrWhiteSpace(english), descriptor.Id + " " + part);
                    Assert.NotEqual(english, chinese);
                    Assert.True(chinese.Any(IsHan), descriptor.Id + " " + part + " is not Chinese: " + chinese);
                }
            }
        }

        [Fact]
        public void Each_Chinese_diagnostic_page_is_headed_by_the_Chinese_title()
        {
            string root = Snapshot.RepositoryRoot();
            foreach (DiagnosticDescriptor rule in AllDescriptors().Where(d => DiagnosticDescriptors.GetById(d.Id) == d))
            {
                string page = Path.Combine(root, "docs", "diagnostics", rule.Id + ".zh-CN.md");
                Assert.True(File.Exists(page), page);
                Assert.StartsWith("# " + rule.Id + "：" + rule.Title.ToString(Chinese) + "\n", File.ReadAllText(page).Replace("\r\n", "\n"));
            }
        }

        private static DiagnosticDescriptor[] AllDescriptors() => typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

        private static bool IsHan(char c) => c >= '\u4E00' && c <= '\u9FFF';
    }
}
