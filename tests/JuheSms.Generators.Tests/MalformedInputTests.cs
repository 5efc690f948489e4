using System;
using System.IO;
using System.Linq;
using System.Text;
using JuheSms.Generators.Parsing;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>Bad input gives a JSMS diagnostic, never an exception (no AD0001/CS8784/CS8785 in a user's build).</summary>
    public class MalformedInputTests
    {
        private static string ExampleJson => File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "templates.example.json"));

        public static TheoryData<string, string> BadFiles => new TheoryData<string, string>
        {
            { "empty", string.Empty },
            { "whitespace", "  \r\n\t " },
            { "only a comment", "// nothing" },
            { "truncated object", "{ \"templates\": [ { \"name\": \"A\"" },
            { "truncated string", "{ \"templates\": [ { \"name\": \"A" },
            { "unclosed comment", "{ /* \"templates\": [] }" },
            { "number root", "42" },
            { "string root", "\"templates\"" },
            { "null root", "null" },
            { "array root", "[ { \"name\": \"A\" } ]" },
            { "two roots", "{ \"templates\": [] } { }" },
            { "templates is null", "{ \"templates\": null }" },
            { "huge tplId", "{ \"templates\": [ { \"name\": \"A\", \"tplId\": 123456789012345678901234567890, \"text\": \"x\" } ] }" },
            { "exponent tplId", "{ \"templates\": [ { \"name\": \"A\", \"tplId\": 1e400, \"text\": \"x\" } ] }" },
            { "huge maxLength", "{ \"templates\": [ { \"name\": \"A\", \"tplId\": 1, \"text\": \"#a#\", \"variables\": { \"a\": { \"maxLength\": 99999999999 } } } ] }" },
            { "nested garbage", "{ \"templates\": [ { \"name\": { \"a\": [ 1, 2, { \"b\": null } ] }, \"tplId\": [ [ [] ] ], \"text\": { } } ] }" },
            { "too deep", new string('[', 200) + new string(']', 200) },
            { "raw line break in a string", "{ \"templates\": [ { \"name\": \"A\", \"tplId\": 1, \"text\": \"a\nb\" } ] }" },
            { "bad escape", "{ \"templates\": [ { \"name\": \"A\\q\", \"tplId\": 1, \"text\": \"x\" } ] }" },
            { "escaped lone surrogate", "{ \"templates\": [ { \"name\": \"A\", \"tplId\": 1, \"text\": \"\\uD800\" } ], \"x\" }" },
            { "NUL characters", "{ \"templates\": [ \0 ] }" },
            { "single quotes", "{ 'templates': [] }" },
            { "unquoted key", "{ templates: [] }" },
            { "BOM then garbage", "\uFEFF\uFEFF{ ]" },
        };

        [Theory]
        [MemberData(nameof(BadFiles))]
        public void Parser_reports_and_does_not_throw(string name, string json)
        {
            TemplatesParseResult result = TemplatesParser.Parse("/x/sms-templates.json", json);
            Assert.True(result.Diagnostics.Any(d => d.Id.StartsWith("JSMS", StringComparison.Ordinal) && d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error), name);
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.InRange(diagnostic.Location.Span.End, 0, json.Length);
            }
        }

        [Theory]
        [MemberData(nameof(BadFiles))]
        public void Generator_reports_and_does_not_throw(string name, string json)
        {
            (GeneratorRunResult result, Compilation output) = GeneratorRunner.Run("/src/sms-templates.json", json);
            Assert.Null(result.Exception);
            Assert.NotEmpty(result.Diagnostics);
            Assert.All(result.Diagnostics, d => Assert.StartsWith("JSMS", d.Id));
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("JSMS", StringComparison.Ordinal)));
            Assert.NotNull(name);
        }

        [Fact]
        public void Every_truncation_of_the_example_file_is_a_JSMS001()
        {
            string json = ExampleJson.TrimEnd();
            for (int length = 0; length < json.Length; length++)
            {
                TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", json.Substring(0, length));
                Assert.True(result.Diagnostics.Any(d => d.Id == "JSMS001"), "prefix of length " + length);
                Assert.Null(result.File);
            }
        }

        [Fact]
        public void Random_corruptions_never_throw()
        {
            string json = ExampleJson;
            var random = new Random(20260406);
            const string alphabet = "{}[]\":,#\\0123456789-.eE tfn【】\r\n/*\uD800\uFEFF";
            for (int i = 0; i < 400; i++)
            {
                var chars = json.ToCharArray();
                int edits = random.Next(1, 6);
                for (int e = 0; e < edits; e++)
                {
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                }

                string corrupted = new string(chars);
                TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", corrupted);
                Assert.All(result.Diagnostics, d => Assert.InRange(d.Location.Span.End, 0, corrupted.Length));
            }
        }

        [Fact]
        public void A_file_saved_with_a_BOM_and_CRLF_generates_without_diagnostics()
        {
            byte[] bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ExampleJson.Replace("\r\n", "\n").Replace("\n", "\r\n"))).ToArray();
            SourceText text = SourceText.From(new MemoryStream(bytes), Encoding.UTF8);
            GeneratorDriver driver = GeneratorRunner.CreateDriver(new[] { new StreamAdditionalText("/src/sms-templates.json", text) });
            driver = driver.RunGenerators(GeneratorRunner.CreateCompilation());
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            Assert.Empty(result.Diagnostics);
            Assert.Single(result.GeneratedSources);
        }

        [Fact]
        public void Error_in_a_BOM_CRLF_file_points_at_the_right_line_and_column()
        {
            string json = "{\r\n  \"templates\": [\r\n    { \"name\": \"验证\", \"tplId\": -1, \"text\": \"x\" }\r\n  ]\r\n}";
            byte[] bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();
            SourceText text = SourceText.From(new MemoryStream(bytes), Encoding.UTF8);
            GeneratorDriver driver = GeneratorRunner.CreateDriver(new[] { new StreamAdditionalText("/src/sms-templates.json", text) });
            driver = driver.RunGenerators(GeneratorRunner.CreateCompilation());
            Diagnostic diagnostic = Assert.Single(driver.GetRunResult().Results.Single().Diagnostics);
            Assert.Equal("JSMS002", diagnostic.Id);
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal("/src/sms-templates.json", span.Path);
            Assert.Equal(new LinePosition(2, 29), span.StartLinePosition);
            Assert.Equal(new LinePosition(2, 31), span.EndLinePosition);
        }

        private sealed class StreamAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public StreamAdditionalText(string path, SourceText text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
        }
    }
}
