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
            Assert.Equal("Contoso.Sms.SmsTemplates.g.cs", Assert.Single(result.GeneratedSources).HintName);
            Snapshot.Match("ExampleFile", result.GeneratedSources);
        }

        [Fact]
        public void File_without_variables_uses_string_parameters_and_the_root_namespace()
        {
            (GeneratorRunResult result, _) = GeneratorRunner.Run("/src/sms-templates.json", NoVariables, rootNamespace: "My.App");
            Assert.Empty(result.Diagnostics);
            Assert.Equal("My.App.SmsTemplates.g.cs", Assert.Single(result.GeneratedSources).HintName);
            Snapshot.Match("NoVariables", result.GeneratedSources);
        }

        [Fact]
        public void Types_patterns_lengths_renamed_and_keyword_parameters()
        {
            (GeneratorRunResult result, _) = GeneratorRunner.Run("/src/acme.sms.json", Renaming);
            Assert.Empty(result.Diagnostics);
            Assert.Equal("Acme.Messaging.Texts.g.cs", Assert.Single(result.GeneratedSources).HintName);
            Snapshot.Match("Renaming", result.GeneratedSources);
        }

        /// <summary>C# 7.3 (the default of .NET Framework and netstandard2.0 projects): the same code without nullable annotations.</summary>
        [Fact]
        public void CSharp_7_3_gets_the_same_code_without_nullable_annotations()
        {
            (GeneratorRunResult result, _) = GeneratorRunner.Run("/src/acme.sms.json", Renaming, languageVersion: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
            Assert.Empty(result.Diagnostics);
            GeneratedSourceResult source = Assert.Single(result.GeneratedSources);
            Assert.Equal("Acme.Messaging.Texts.g.cs", source.HintName);

            // Exactly the C# 8 snapshot, less the #nullable directive, the three nullable annotations and the one '!' (the
            // send method without a key passes null for it).
            (string hintName, string latest) = Assert.Single(Snapshot.Read("Renaming"));
            Assert.Equal(source.HintName, hintName);
            string expected = latest.Replace("#nullable enable\n", string.Empty).Replace("string? ext", "string ext").Replace("null!, ", "null, ");
            Assert.Equal("#nullable enable\n".Length + 4, latest.Length - expected.Length); // the directive, the three '?' and the '!'
            Assert.Equal(expected, source.SourceText.ToString());
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
            var test = new GeneratorVerifier();
            test.TestState.AdditionalFiles.Add(("/src/templates.example.json", SourceText.From(json, Encoding.UTF8)));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = TestProject\n\n[/src/templates.example.json]\nbuild_metadata.AdditionalFiles.JuheSmsTemplates = true\n"));
            AddExpected(test, "ExampleFile");
            await test.RunAsync();
        }

        /// <summary>The root namespace comes from <c>build_property.RootNamespace</c> in a global analyzer config.</summary>
        [Fact]
        public async Task Root_namespace_from_the_global_analyzer_config()
        {
            GeneratorVerifier test = GeneratorVerifier.ForDiagnostics(NoVariables, rootNamespace: "My.App");
            test.TestBehaviors &= ~TestBehaviors.SkipGeneratedSourcesCheck;
            AddExpected(test, "NoVariables");
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

        /// <summary>
        /// A large file is split into parts of about 30,000 characters (no buffer on the large-object heap), each template
        /// whole in one part, with the class's docs in the first; the parts compile together.
        /// </summary>
        [Fact]
        public void A_large_file_is_emitted_in_parts_that_compile_together()
        {
            var templates = Enumerable.Range(1, 60).Select(i =>
                "{ \"name\": \"Notice" + i + "\", \"tplId\": " + i + ", \"text\": \"您好#name#，您的订单#order#已发货，请留意短信通知。\", \"variables\": { \"name\": { \"maxLength\": 10, \"description\": \"The customer's name.\" }, \"order\": { \"pattern\": \"^[A-Z0-9]{6,12}$\" } } }");
            string json = "{ \"templates\": [ " + string.Join(", ", templates) + " ] }";
            (GeneratorRunResult result, Compilation output) = GeneratorRunner.Run("/src/sms-templates.json", json);
            Assert.Empty(result.Diagnostics);

            string[] hintNames = result.GeneratedSources.Select(s => s.HintName).ToArray();
            Assert.True(hintNames.Length > 2, "Expected several parts, got " + hintNames.Length);
            Assert.Equal(Enumerable.Range(1, hintNames.Length).Select(k => k == 1 ? "TestProject.SmsTemplates.g.cs" : "TestProject.SmsTemplates-" + k + ".g.cs"), hintNames);

            string[] texts = result.GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();
            Assert.All(texts, text => Assert.InRange(text.Length, 1, 42_000));
            Assert.Contains("/// <summary>Typed senders", texts[0]);
            Assert.All(texts.Skip(1), text => Assert.DoesNotContain("/// <summary>Typed senders", text));
            Assert.Equal(60, texts.Sum(text => CountOf(text, "public static class Notice")));
            Assert.Equal(120, texts.Sum(text => CountOf(text, "SmsSendResult> SendNotice"))); // with and without a key
            Assert.Equal(60, texts.Sum(text => CountOf(text, ", string idempotencyKey, ")));
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }

        private static int CountOf(string text, string value)
        {
            int count = 0;
            for (int at = text.IndexOf(value, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, System.StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        /// <summary>Adds every source of a snapshot as an expected generated source of the testing library's run.</summary>
        private static void AddExpected(GeneratorVerifier test, string snapshot)
        {
            foreach ((string hintName, string text) in Snapshot.Read(snapshot))
            {
                test.TestState.GeneratedSources.Add((typeof(TemplatesGenerator), hintName, SourceText.From(text, Encoding.UTF8)));
            }
        }
    }
}
