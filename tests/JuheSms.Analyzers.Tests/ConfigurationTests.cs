using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Analyzers.Tests.Infrastructure;
using JuheSms.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>Severity configuration, templates-file detection, the parse cache and the bail-out without the runtime.</summary>
    public class ConfigurationTests
    {
        private const string RawSend = """
            using System.Collections.Generic;
            using JuheSms;

            class C
            {
                SmsMessage M(string code) => new SmsMessage({|#0:"12345"|}, {|#1:999999|}, new Dictionary<string, string> { ["code"] = code });
            }
            """;

        [Fact]
        public async Task A_rule_can_be_silenced_in_editorconfig()
        {
            const string editorConfig = """
                root = true

                [*.cs]
                dotnet_diagnostic.JSMS105.severity = none
                """;
            await Verify.AnalyzerAsync(
                RawSend.Replace("{|#1:999999|}", "999999"),
                TestTemplates.Example,
                editorConfig,
                new DiagnosticResult("JSMS103", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("12345"));
        }

        [Fact]
        public async Task Severity_can_be_raised_to_error_in_editorconfig()
        {
            // With the compiler's own API, as a build applies .editorconfig (the testing library's workspace applies
            // 'none' but not a raised severity, so this test compiles by hand).
            const string editorConfig = """
                root = true

                [*.cs]
                dotnet_diagnostic.JSMS103.severity = error
                dotnet_diagnostic.JSMS105.severity = none
                """;
            AnalyzerConfigSet configSet = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, "/src/.editorconfig") });
            SyntaxTree tree = CSharpSyntaxTree.ParseText(RawSend.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty), path: "/src/C.cs");
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Severity",
                new[] { tree },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                    .WithSyntaxTreeOptionsProvider(new ConfigSetTreeOptions(configSet)));
            var templates = new InMemoryText("/src/sms-templates.json", TestTemplates.Example);
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SmsCallSiteAnalyzer()), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(templates)))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            Diagnostic mobile = Assert.Single(diagnostics);
            Assert.Equal("JSMS103", mobile.Id);
            Assert.Equal(DiagnosticSeverity.Error, mobile.Severity);
        }

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class ConfigSetTreeOptions : SyntaxTreeOptionsProvider
        {
            private readonly AnalyzerConfigSet _set;

            public ConfigSetTreeOptions(AnalyzerConfigSet set) => _set = set;

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
                => _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = ReportDiagnostic.Default;
                return false;
            }
        }

        [Fact]
        public async Task A_file_with_the_conventional_name_needs_no_metadata()
        {
            await Verify.AnalyzerAsync(
                RawSend,
                test => test.TestState.AdditionalFiles.Add(("/0/sms-templates.json", TestTemplates.Example)),
                new DiagnosticResult("JSMS103", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("12345"),
                new DiagnosticResult("JSMS105", DiagnosticSeverity.Warning).WithLocation(1).WithMessage("tpl_id 999999 is in no templates file"));
        }

        [Fact]
        public async Task A_json_file_that_is_not_a_templates_file_is_ignored()
        {
            // Neither the metadata nor a conventional name, or the metadata says false: no templates file, no JSMS105.
            await Verify.AnalyzerAsync(
                RawSend,
                test =>
                {
                    test.TestState.AdditionalFiles.Add(("/0/appsettings.json", TestTemplates.Example));
                    test.TestState.AdditionalFiles.Add(("/0/sms-templates.json", TestTemplates.Example));
                    test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
                        is_global = true

                        [/0/sms-templates.json]
                        build_metadata.AdditionalFiles.JuheSmsTemplates = false
                        """));
                },
                new DiagnosticResult("JSMS103", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("12345"));
        }

        [Fact]
        public async Task An_invalid_templates_file_still_counts_as_present_but_knows_no_template()
        {
            await Verify.AnalyzerAsync(
                RawSend,
                test => test.TestState.AdditionalFiles.Add(("/0/sms-templates.json", "{ not json")),
                new DiagnosticResult("JSMS103", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("12345"),
                new DiagnosticResult("JSMS105", DiagnosticSeverity.Warning).WithLocation(1).WithMessage("tpl_id 999999 is in no templates file"));
        }

        [Fact]
        public void The_parsed_file_is_cached_by_content()
        {
            // A unique path keeps this test independent of the others sharing the static cache.
            string path = "/cache-test/" + System.Guid.NewGuid().ToString("N") + "/sms-templates.json";
            FileTemplates first = TemplatesFileCache.Get(path, null, SourceText.From(TestTemplates.Example), CancellationToken.None);
            FileTemplates again = TemplatesFileCache.Get(path, null, SourceText.From(TestTemplates.Example), CancellationToken.None);
            FileTemplates edited = TemplatesFileCache.Get(path, null, SourceText.From(TestTemplates.Example.Replace("123456", "223456")), CancellationToken.None);

            Assert.Same(first, again);
            Assert.NotSame(first, edited);
            Assert.Equal(3, first.Templates.Length);
            Assert.Equal("Contoso.Sms.SmsTemplates", first.ClassMetadataName);
            Assert.Equal(223456, edited.Templates[0].Spec.TplId);
        }

        [Fact]
        public void One_parse_per_content_is_shared_by_the_templates_file_analyzer_and_the_call_site_catalog()
        {
            string path = "/share-test/" + System.Guid.NewGuid().ToString("N") + "/sms-templates.json";
            JuheSms.Generators.Parsing.TemplatesParseResult parsed = TemplatesFileCache.Parse(path, SourceText.From(TestTemplates.Example), CancellationToken.None);

            // Another SourceText with the same content (a new compilation after an edit elsewhere): the same parse.
            Assert.Same(parsed, TemplatesFileCache.Parse(path, SourceText.From(TestTemplates.Example), CancellationToken.None));
            FileTemplates templates = TemplatesFileCache.Get(path, null, SourceText.From(TestTemplates.Example), CancellationToken.None);
            Assert.Same(parsed.File!.Templates[0], templates.Templates[0].Spec);
            Assert.NotSame(parsed, TemplatesFileCache.Parse(path, SourceText.From(TestTemplates.Example + " "), CancellationToken.None));
        }

        [Fact]
        public void A_file_naming_no_namespace_uses_the_root_namespace_like_the_generator()
        {
            string json = TestTemplates.Example.Replace("\"namespace\": \"Contoso.Sms\",", string.Empty);
            string path = "/ns-test/" + System.Guid.NewGuid().ToString("N") + "/sms-templates.json";

            Assert.Equal("My.App.SmsTemplates", TemplatesFileCache.Get(path, "My.App", SourceText.From(json), CancellationToken.None).ClassMetadataName);
            Assert.Equal("JuheSms.Generated.SmsTemplates", TemplatesFileCache.Get(path, null, SourceText.From(json), CancellationToken.None).ClassMetadataName);
        }

        [Fact]
        public async Task Without_the_runtime_library_the_analyzer_does_nothing()
        {
            // The same call shape against look-alike types that are not JuheSms's: no diagnostic.
            const string source = """
                namespace Other
                {
                    public sealed class SmsMessage
                    {
                        public SmsMessage(string mobile, int tplId, System.Collections.Generic.IReadOnlyDictionary<string, string> variables) { }
                        public string Ext { get; set; }
                    }

                    class C
                    {
                        SmsMessage M() => new SmsMessage("1", 999999, new System.Collections.Generic.Dictionary<string, string> { ["x"] = "#" }) { Ext = "x" };
                    }
                }
                """;
            CSharpCompilation compilation = CSharpCompilation.Create(
                "NoRuntime",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All.Where(r => !(r.Display ?? string.Empty).EndsWith("JuheSms.dll", System.StringComparison.Ordinal)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SmsCallSiteAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            Assert.Empty(diagnostics);
        }
    }
}
