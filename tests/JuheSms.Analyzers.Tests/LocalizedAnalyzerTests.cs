using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Analyzers.Tests.Infrastructure;
using JuheSms.Generators.Analyzers;
using JuheSms.Generators.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>
    /// The call-site diagnostics and the code-fix titles in English and in Chinese (issue 10): each diagnostic as the
    /// analyzer reports it, read back in <c>en</c> and <c>zh-Hans</c>, and each fix's title as the fixer registers it
    /// under that UI culture (the IDE's language). The expected texts are written out here, not read from the .resx files.
    /// </summary>
    public class LocalizedAnalyzerTests
    {
        private const string TemplatesPath = "/0/sms-templates.json";

        private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
        private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

        [Theory]
        [InlineData(
            "JSMS101",
            """await sms.SendVerificationCodeAsync(mobile, "12#4", 5);""",
            "The value of variable 'code' contains '#'; a template variable must not hold '#', '【', '】' or control characters",
            "变量“code”的值含有“#”；模板变量的值不能包含“#”“【”“】”或控制字符")]
        [InlineData(
            "JSMS101",
            """await sms.SendOrderShippedAsync(mobile, "张\n三", "AB1234", "SF1");""",
            "The value of variable 'name' contains U+000A (line feed); a template variable must not hold '#', '【', '】' or control characters",
            "变量“name”的值含有换行符（U+000A）；模板变量的值不能包含“#”“【”“】”或控制字符")]
        [InlineData(
            "JSMS101",
            """await sms.SendVerificationCodeAsync(mobile, "1\u00012", 5);""",
            "The value of variable 'code' contains U+0001 (control character); a template variable must not hold '#', '【', '】' or control characters",
            "变量“code”的值含有控制字符 U+0001；模板变量的值不能包含“#”“【”“】”或控制字符")]
        [InlineData(
            "JSMS102",
            """await sms.SendVerificationCodeAsync(mobile, "12ab", 5);""",
            """The value "12ab" of variable 'code' of template 'VerificationCode' does not match its pattern ^[0-9]{4,8}$""",
            """模板“VerificationCode”中变量“code”的值 "12ab" 不匹配 pattern ^[0-9]{4,8}$""")]
        [InlineData(
            "JSMS102",
            """await sms.SendVerificationCodeAsync(mobile, code, 100);""",
            "The value 100 of variable 'minutes' of template 'VerificationCode' is 3 characters long, more than its maxLength 2",
            "模板“VerificationCode”中变量“minutes”的值 100 长 3 个字符，超过了 maxLength 2")]
        [InlineData(
            "JSMS103",
            """await sms.SendVerificationCodeAsync("12345", code, 5);""",
            "'12345' is not a mainland China mobile number (11 digits starting 1[3-9]; +86, spaces and dashes allowed)",
            "“12345”不是中国大陆手机号（应为以 1[3-9] 开头的 11 位数字；可带 +86、空格和连字符）")]
        [InlineData(
            "JSMS104",
            """_ = new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code });""",
            "Template 'VerificationCode' (tpl_id 123456) needs the variable 'minutes', which the variables do not give",
            "模板“VerificationCode”（tpl_id 123456）需要变量“minutes”，但传入的变量中没有")]
        [InlineData(
            "JSMS105",
            """_ = new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5", ["Code"] = code });""",
            "Template 'VerificationCode' (tpl_id 123456) has no variable 'Code'",
            "模板“VerificationCode”（tpl_id 123456）没有变量“Code”")]
        [InlineData(
            "JSMS105",
            """_ = new SmsMessage(mobile, 999999, new Dictionary<string, string> { ["code"] = code });""",
            "tpl_id 999999 is in no templates file",
            "tpl_id 999999 不在任何模板文件中")]
        [InlineData(
            "JSMS106",
            """await sms.SendAsync(new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5" }));""",
            "Template 'VerificationCode' has a typed method: use SmsTemplates.SendVerificationCodeAsync",
            "模板“VerificationCode”有对应的强类型方法：请改用 SmsTemplates.SendVerificationCodeAsync")]
        [InlineData(
            "JSMS107",
            """await sms.SendVerificationCodeAsync(mobile, code, 5, "12a");""",
            "The ext '12a' is not 1 to 9 digits",
            "扩展码“12a”不是 1 到 9 位数字")]
        public async Task A_call_site_diagnostic_reads_in_English_and_in_Chinese(string id, string statement, string english, string chinese)
        {
            (_, ImmutableArray<Diagnostic> diagnostics) = await AnalyzeAsync(statement);
            Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == id);

            Assert.Equal(english, diagnostic.GetMessage(English));
            Assert.Equal(chinese, diagnostic.GetMessage(Chinese));
        }

        [Theory]
        [InlineData(
            "JSMS101",
            """await sms.SendVerificationCodeAsync(mobile, "12#4", 5);""",
            "Remove the characters the provider cannot carry",
            "去掉服务商不支持的字符")]
        [InlineData(
            "JSMS104",
            """_ = new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code });""",
            "Add the variable 'minutes'",
            "添加变量“minutes”")]
        [InlineData(
            "JSMS106",
            """await sms.SendAsync(new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5" }));""",
            "Use SendVerificationCodeAsync",
            "改用 SendVerificationCodeAsync")]
        public async Task A_code_fix_is_titled_in_the_UI_culture(string id, string statement, string english, string chinese)
        {
            Assert.Equal(english, Assert.Single(await FixTitlesAsync(statement, id, English)));
            Assert.Equal(chinese, Assert.Single(await FixTitlesAsync(statement, id, Chinese)));
        }

        private static async Task<IReadOnlyList<string>> FixTitlesAsync(string statement, string id, CultureInfo uiCulture)
        {
            (Document document, ImmutableArray<Diagnostic> diagnostics) = await AnalyzeAsync(statement);
            Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == id);
            CodeFixProvider fixer = id switch
            {
                "JSMS101" => new RemoveUnsafeCharactersCodeFix(),
                "JSMS104" => new AddMissingVariableCodeFix(),
                _ => new UseTypedMethodCodeFix(),
            };

            var titles = new List<string>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None);

            // The fixers read the thread's UI culture, as the IDE sets it; put it back for the next test on this thread.
            CultureInfo previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = uiCulture;
            try
            {
                await fixer.RegisterCodeFixesAsync(context);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }

            return titles;
        }

        /// <summary>
        /// A project with the statement in a method, the real generated code for the example templates file and that
        /// file as an additional document, analyzed as a build would: the document (for the fixers) and the diagnostics.
        /// </summary>
        private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string statement)
        {
            string source = TestTemplates.Usings + $$"""
                class C
                {
                    async Task M(IJuheSmsClient sms, string mobile, string code)
                    {
                        {{statement}}
                    }
                }
                """;

            var workspace = new AdhocWorkspace();
            Project project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "Localized",
                "Localized",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All));
            Document document = project.AddDocument("C.cs", SourceText.From(source), filePath: "/0/C.cs");
            project = document.Project;
            foreach ((string hintName, string generated) in GeneratedSources.For(TestTemplates.Example))
            {
                project = project.AddDocument(hintName, SourceText.From(generated), filePath: "/0/Generated/" + hintName).Project;
            }

            project = project.AddAdditionalDocument("sms-templates.json", SourceText.From(TestTemplates.Example), filePath: TemplatesPath).Project;
            document = project.GetDocument(document.Id)!;

            Compilation compilation = (await project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SmsCallSiteAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return (document, diagnostics);
        }
    }
}
