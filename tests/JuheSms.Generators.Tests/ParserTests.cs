using System.Globalization;
using System.IO;
using System.Linq;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>The parser, placeholder scanner and naming rules used directly (the call-site analyzers reuse them).</summary>
    public class ParserTests
    {
        private static string ExampleJson => File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "templates.example.json"));

        [Fact]
        public void Example_file_gives_the_model()
        {
            TemplatesParseResult result = TemplatesParser.Parse("/x/templates.example.json", ExampleJson);

            Assert.Empty(result.Diagnostics);
            TemplatesFileSpec file = Assert.IsType<TemplatesFileSpec>(result.File);
            Assert.Equal("Contoso.Sms", file.Namespace);
            Assert.Equal("SmsTemplates", file.ClassName);
            Assert.Equal("【Contoso】", file.Signature);
            Assert.Equal(new[] { "VerificationCode", "OrderShipped", "SpringSale" }, file.Templates.Select(t => t.Name));
            TemplateSpec code = file.Templates[0];
            Assert.Equal("SendVerificationCodeAsync", code.MethodName);
            Assert.Equal(123456, code.TplId);
            Assert.Equal(TemplateKind.Verification, code.Kind);
            Assert.Equal(
                new[]
                {
                    new VariableSpec("code", "code", VariableType.String, "^[0-9]{4,8}$", 8, "The one-time code, 4 to 8 digits."),
                    new VariableSpec("minutes", "minutes", VariableType.Int, null, 2, "How long the code stays valid."),
                },
                code.Variables);
            Assert.Equal(new[] { "name", "order", "tracking" }, file.Templates[1].Variables.Select(v => v.Name));
            Assert.Equal(TemplateKind.Marketing, file.Templates[2].Kind);
        }

        [Fact]
        public void TplId_location_is_kept_for_analyzers()
        {
            string json = ExampleJson;
            TemplateSpec second = TemplatesParser.Parse("/x/t.json", json).File!.Templates[1];
            int index = json.IndexOf("123457", System.StringComparison.Ordinal);
            Assert.Equal(new TextSpan(index, 6), second.TplIdSpan.Span);
            Assert.Equal("/x/t.json", second.TplIdSpan.FilePath);
            string[] lines = json.Replace("\r\n", "\n").Split('\n');
            int line = System.Array.FindIndex(lines, l => l.Contains("123457"));
            Assert.Equal(new LinePosition(line, lines[line].IndexOf("123457", System.StringComparison.Ordinal)), second.TplIdSpan.LineSpan.Start);
        }

        [Fact]
        public void Parsing_twice_gives_equal_results()
        {
            // Value equality is what keeps the incremental Parse step cached.
            TemplatesParseResult first = TemplatesParser.Parse("/x/t.json", ExampleJson);
            TemplatesParseResult second = TemplatesParser.Parse("/x/t.json", ExampleJson);
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
            Assert.NotEqual(first, TemplatesParser.Parse("/x/t.json", ExampleJson.Replace("123456", "123459")));
        }

        [Fact]
        public void A_bad_template_with_a_known_name_and_text_is_kept_with_its_errors_and_the_others_are_kept()
        {
            const string json = """
                { "templates": [
                  { "name": "Bad", "tplId": "x", "text": "a" },
                  { "name": 7, "tplId": 3, "text": "c" },
                  { "name": "Good", "tplId": 2, "text": "b #v# b" } ] }
                """;
            TemplatesParseResult result = TemplatesParser.Parse("/x/sms-templates.json", json);
            Assert.Equal(new[] { "JSMS002", "JSMS002" }, result.Diagnostics.Select(d => d.Id));
            Assert.Equal(new[] { "Bad", "Good" }, result.File!.Templates.Select(t => t.Name));
            Assert.True(result.File.Templates[0].HasErrors);
            TemplateSpec good = result.File.Templates[1];
            Assert.False(good.HasErrors);
            Assert.Equal(new VariableSpec("v", "v", VariableType.String, null, null, null), Assert.Single(good.Variables));
        }

        [Fact]
        public void Without_kind_a_template_is_a_notification_and_without_namespace_it_is_null()
        {
            TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", """{ "templates": [ { "name": "a", "tplId": 1, "text": "#x# #x#" } ] }""");
            TemplateSpec template = Assert.Single(result.File!.Templates);
            Assert.Equal(TemplateKind.Notification, template.Kind);
            Assert.Equal("A", template.TypeName);
            Assert.Single(template.Variables);
            Assert.Null(result.File.Namespace);
            Assert.Equal("SmsTemplates", result.File.ClassName);
            Assert.Equal(string.Empty, result.File.Signature);
        }

        [Fact]
        public void Positions_are_right_after_CRLF_and_non_ASCII_lines()
        {
            string json = "{\r\n  \"signature\": \"【中文签名】\",\r\n  \"templates\": [\r\n    { \"name\": \"验证\", \"tplId\": 0, \"text\": \"x\" }\r\n  ]\r\n}";
            DiagnosticInfo diagnostic = Assert.Single(TemplatesParser.Parse("/x/t.json", json).Diagnostics);
            Assert.Equal("JSMS002", diagnostic.Id);
            Assert.Equal(new LinePositionSpan(new LinePosition(3, 29), new LinePosition(3, 30)), diagnostic.Location.LineSpan);
            Assert.Equal("0", json.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
        }

        [Fact]
        public void A_leading_BOM_character_is_skipped_and_counted_in_columns()
        {
            // A file read with its encoding has no BOM character; a string that still holds U+FEFF keeps it as column 0.
            string json = "\uFEFF{ \"templates\": 5 }";
            DiagnosticInfo diagnostic = Assert.Single(TemplatesParser.Parse("/x/t.json", json).Diagnostics);
            Assert.Equal("JSMS001", diagnostic.Id);
            Assert.Equal(new LinePosition(0, 16), diagnostic.Location.LineSpan.Start);
            Assert.Equal("5", json.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
        }

        [Fact]
        public void Syntax_error_position_is_mapped_from_bytes_to_characters()
        {
            // Each Chinese character is 3 UTF-8 bytes but one UTF-16 character (one editor column).
            string json = "{\n  \"signature\": \"签名签名\", \"templates\": [ } \n}";
            DiagnosticInfo diagnostic = Assert.Single(TemplatesParser.Parse("/x/t.json", json).Diagnostics);
            Assert.Equal("JSMS001", diagnostic.Id);
            Assert.Equal(new LinePosition(1, json.Split('\n')[1].IndexOf('}')), diagnostic.Location.LineSpan.Start);
        }

        [Fact]
        public void Comments_and_trailing_commas_are_allowed()
        {
            const string json = """
                // Approved by the provider on 2026-04-06.
                {
                  /* the templates */
                  "templates": [
                    { "name": "A", "tplId": 1, "text": "x", },
                  ],
                }
                """;
            TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", json);
            Assert.Empty(result.Diagnostics);
            Assert.Single(result.File!.Templates);
        }

        [Fact]
        public void Placeholders_pair_left_to_right()
        {
            PlaceholderScan scan = Placeholders.Scan("#a#中#b#，#a#");
            Assert.Equal(new[] { new Placeholder("a", 0, 3), new Placeholder("b", 4, 3), new Placeholder("a", 8, 3) }, scan.Placeholders);
            Assert.Equal(new[] { "a", "b" }, scan.DistinctNames);
            Assert.Equal(-1, scan.UnbalancedIndex);
            Assert.Equal(6, Placeholders.Scan("#a# b #c").UnbalancedIndex);
        }

        [Theory]
        [InlineData("code", null)]
        [InlineData("验证码", null)]
        [InlineData("", "is empty")]
        [InlineData("a b", "holds whitespace (a variable name must not hold '#', '&', '=' or whitespace)")]
        [InlineData("a=b", "holds '=' (a variable name must not hold '#', '&', '=' or whitespace)")]
        [InlineData("a&b", "holds '&' (a variable name must not hold '#', '&', '=' or whitespace)")]
        public void Variable_name_rules(string name, string? reason)
        {
            string json = """{ "templates": [ { "name": "A", "tplId": 1, "text": "x", "variables": { "NAME": { } } } ] }""".Replace("NAME", name);
            string? message = TemplatesParser.Parse("/x/t.json", json).Diagnostics
                .Where(d => d.Id == "JSMS007").Select(d => d.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture)).SingleOrDefault();
            Assert.Equal(reason is null ? null : "The variable name '" + name + "' of template 'A' " + reason, message);
        }

        [Theory]
        [InlineData("code", "code")]
        [InlineData("Code", "code")]
        [InlineData("order_no", "orderNo")]
        [InlineData("order-no", "orderNo")]
        [InlineData("class", "@class")]
        [InlineData("金额", "金额")]
        [InlineData("1st", null)]
        [InlineData("_", null)]
        public void Parameter_names_from_variable_names(string name, string? parameter) => Assert.Equal(parameter, CSharpNames.ToParameterName(name));

        [Fact]
        public void Variables_named_like_fixed_parameters_are_renamed()
        {
            TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", """{ "templates": [ { "name": "A", "tplId": 1, "text": "#mobile##ext##client##cancellationToken##text#" } ] }""");
            Assert.Equal(
                new[] { "mobileValue", "extValue", "clientValue", "cancellationTokenValue", "text" },
                result.File!.Templates[0].Variables.Select(v => v.ParameterName));
        }
    
        /// <summary>
        /// The parser checks each template as soon as the reader has it, with the file's settings read before the templates
        /// (wherever they are in the file): settings after "templates", a repeated "templates", an invalid setting and a
        /// syntax error after the templates each give the diagnostics of the whole file, in file order (settings first).
        /// </summary>
        [Theory]
        [InlineData("""{ "signature": "【A】", "className": "Texts", "templates": [ { "name": "A", "tplId": 1, "text": "验证码#code#" } ] }""", "", 1)]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "验证码#code#" } ], "signature": "【A】" }""", "", 1)]
        [InlineData("""{ "templates": [ { "name": "Alert", "tplId": 1, "text": "a" } ], "className": "Alert" }""", "JSMS004", 0)]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "a" } ], "templates": [ { "name": "B", "tplId": 2, "text": "b" } ] }""", "JSMS001", 1)]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "a" }, 5, { "name": "A", "tplId": 1, "text": "a" } ], "namespace": "9x" }""", "JSMS002 JSMS001 JSMS003 JSMS003", -1)]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "a", "text": "b" } ] """, "JSMS001 JSMS001", -1)]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "a" } ], "signature": 7 }""", "JSMS002", -1)]
        [InlineData("""{ "templates": [] , "className": "X" }""", "", 0)]
        public void Settings_anywhere_in_the_file_are_applied_in_one_pass(string json, string ids, int templates)
        {
            TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", json);
            Assert.Equal(ids, string.Join(" ", result.Diagnostics.Select(d => d.Id)));
            Assert.Equal(templates, result.File is null ? -1 : result.File.Templates.Count);
        }

        [Fact]
        public void A_signature_after_the_templates_still_counts_in_their_checks()
        {
            // 63 characters of text: one message alone, two with the 8-character signature (over 70).
            string text = new string('好', 63);
            string json = """{ "templates": [ { "name": "A", "tplId": 1, "text": "TEXT" } ], "signature": "【一二三四五六】" }""".Replace("TEXT", text);
            TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", json);
            Assert.Equal("【一二三四五六】", result.File!.Signature);
            Assert.Contains(result.Diagnostics, d => d.Id == "JSMS008");
        }

        [Fact]
        public void A_class_name_after_the_templates_still_conflicts_with_a_template_of_that_name()
        {
            TemplatesParseResult result = TemplatesParser.Parse("/x/t.json", """{ "templates": [ { "name": "Alert", "tplId": 1, "text": "a" } ], "className": "Alert" }""");
            Assert.Empty(result.File!.Templates);
            Assert.Contains(result.Diagnostics, d => d.Id == "JSMS004");
        }
    }
}
