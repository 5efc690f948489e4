using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>The emitted source, compared exactly with Snapshots/*.g.cs (see README.md to update them).</summary>
    public class SnapshotTests
    {
        internal const string Renaming = """
            {
              "namespace": "Acme.Messaging",
              "className": "Texts",
              "signature": "【Acme】",
              "templates": [
                {
                  "name": "accountAlert",
                  "tplId": 42,
                  "text": "#class#账户#mobile#消费#amount#元，单号#order_no#，余额#balance#，<留意> & \"核对\"",
                  "variables": {
                    "class": { "description": "Account class <gold> & co.", "maxLength": 4 },
                    "mobile": { "maxLength": 4 },
                    "order_no": { "pattern": "^[A-Z]{2}\\d+$", "maxLength": 12 },
                    "amount": { "type": "int", "maxLength": 6 },
                    "balance": { "type": "long", "parameter": "remaining", "maxLength": 8 }
                  }
                }
              ]
            }
            """;

        internal const string NoVariables = """
            {
              "templates": [
                { "name": "Welcome", "tplId": 7, "text": "欢迎#name#加入，您的会员号是#member#。" },
                { "name": "Ping", "tplId": 8, "kind": "verification", "text": "系统测试消息" }
              ]
            }
            """;

        [Fact]
        public void Example_file_from_the_repository_root()
        {
            string json = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "templates.example.json"));
            (GeneratorRunResult result, _) = GeneratorRunner.Run("/src/templates.example.json", json, metadata: true);
            Assert.Empty(result.Diagnostics);
            GeneratedSourceResult source = Assert.Single(result.GeneratedSources);
            Assert.Equal("Contoso.Sms.SmsTemplates.g.cs", source.HintName);
            Snapshot.Match("ExampleFile", source.SourceText.ToString());
        }

        [Fact]
        public void File_without_variables_uses_string_parameters_and_the_root_namespace()
        {
            (GeneratorRunResult result, _) = GeneratorRunner.Run("/src/sms-templates.json", NoVariables, rootNamespace: "My.App");
            Assert.Empty(result.Diagnostics);
            GeneratedSourceResult source = Assert.Single(result.GeneratedSources);
            Assert.Equal("My.App.SmsTemplates.g.cs", source.HintName);
            Snapshot.Match("NoVariables", source.SourceText.ToString());
        }

        [Fact]
        public void Types_patterns_lengths_renamed_and_keyword_parameters()
        {
            (GeneratorRunResult result, _) = GeneratorRunner.Run("/src/acme.sms.json", Renaming);
            Assert.Empty(result.Diagnostics);
            GeneratedSourceResult source = Assert.Single(result.GeneratedSources);
            Assert.Equal("Acme.Messaging.Texts.g.cs", source.HintName);
            Snapshot.Match("Renaming", source.SourceText.ToString());
        }

        [Fact]
        public void Without_a_root_namespace_the_fallback_namespace_is_used()
        {
            (GeneratorRunResult result, _) = GeneratorRunner.Run("/src/sms-templates.json", NoVariables, rootNamespace: null);
            Assert.Equal("JuheSms.Generated.SmsTemplates.g.cs", Assert.Single(result.GeneratedSources).HintName);
        }

        /// <summary>The same expectation through the Roslyn testing library, which also compiles the output (warnings reported).</summary>
        [Fact]
        public async Task Example_file_verified_by_the_testing_library()
        {
            string json = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "templates.example.json"));
            string expected = File.ReadAllText(Path.Combine(Snapshot.Directory(), "ExampleFile.g.cs")).Replace("\r\n", "\n");
            var test = new GeneratorVerifier();
            test.TestState.AdditionalFiles.Add(("/src/templates.example.json", SourceText.From(json, Encoding.UTF8)));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = TestProject\n\n[/src/templates.example.json]\nbuild_metadata.AdditionalFiles.JuheSmsTemplates = true\n"));
            test.TestState.GeneratedSources.Add((typeof(TemplatesGenerator), "Contoso.Sms.SmsTemplates.g.cs", SourceText.From(expected, Encoding.UTF8)));
            await test.RunAsync();
        }

        /// <summary>The root namespace comes from <c>build_property.RootNamespace</c> in a global analyzer config.</summary>
        [Fact]
        public async Task Root_namespace_from_the_global_analyzer_config()
        {
            string expected = File.ReadAllText(Path.Combine(Snapshot.Directory(), "NoVariables.g.cs")).Replace("\r\n", "\n");
            GeneratorVerifier test = GeneratorVerifier.ForDiagnostics(NoVariables, rootNamespace: "My.App");
            test.TestBehaviors &= ~TestBehaviors.SkipGeneratedSourcesCheck;
            test.TestState.GeneratedSources.Add((typeof(TemplatesGenerator), "My.App.SmsTemplates.g.cs", SourceText.From(expected, Encoding.UTF8)));
            await test.RunAsync();
        }

        [Fact]
        public void Two_files_with_the_same_class_get_distinct_hint_names()
        {
            GeneratorDriver driver = GeneratorRunner.CreateDriver(new[]
            {
                new InMemoryAdditionalText("/src/b.sms.json", """{ "templates": [ { "name": "B", "tplId": 2, "text": "b" } ] }"""),
                new InMemoryAdditionalText("/src/a.sms.json", """{ "templates": [ { "name": "A", "tplId": 1, "text": "a" } ] }"""),
            });
            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorRunner.CreateCompilation(), out Compilation output, out _);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            Assert.Empty(result.Diagnostics);
            Assert.Equal(
                new[] { "TestProject.SmsTemplates.2.g.cs", "TestProject.SmsTemplates.g.cs" },
                result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }
    }
}
