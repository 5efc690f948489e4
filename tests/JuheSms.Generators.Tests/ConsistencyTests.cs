using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Parsing;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>The descriptors, their doc pages, the release-tracking file and the JSON schema agree with the parser.</summary>
    public class ConsistencyTests
    {
        private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

        [Fact]
        public void Ids_are_JSMS001_to_JSMS011_and_JSMS101_to_JSMS107_each_documented_and_tracked()
        {
            Assert.Equal(Enumerable.Range(1, 11).Concat(Enumerable.Range(101, 7)).Select(i => "JSMS" + i.ToString("000")), Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
            string root = Snapshot.RepositoryRoot();
            string unshipped = File.ReadAllText(Path.Combine(root, "src", "JuheSms.Generators", "AnalyzerReleases.Unshipped.md"));
            foreach (DiagnosticDescriptor descriptor in Descriptors)
            {
                Assert.Same(descriptor, DiagnosticDescriptors.GetById(descriptor.Id));
                Assert.Equal("JuheSms", descriptor.Category);
                Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
                string page = Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md");
                Assert.True(File.Exists(page), page);
                Assert.StartsWith("# " + descriptor.Id + ": " + descriptor.Title, File.ReadAllText(page));
                Assert.Contains(descriptor.Id + " | JuheSms | " + descriptor.DefaultSeverity + " | " + descriptor.Title, unshipped);
            }
        }

        [Fact]
        public void The_templates_file_analyzer_supports_JSMS001_to_JSMS011()
            => Assert.Equal(
                Enumerable.Range(1, 11).Select(i => "JSMS" + i.ToString("000")),
                new Analyzers.TemplatesFileAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

        [Fact]
        public void Every_message_is_a_resource_and_shares_its_rules_title_and_severity()
        {
            // Every descriptor, the further messages of an ID (internal) included.
            DiagnosticDescriptor[] all = typeof(DiagnosticDescriptors)
                .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .ToArray();
            Assert.True(all.Length > Descriptors.Length);
            Assert.Contains(DiagnosticMessages.BaseName + ".resources", typeof(DiagnosticDescriptors).Assembly.GetManifestResourceNames());
            foreach (DiagnosticDescriptor descriptor in all)
            {
                DiagnosticDescriptor rule = DiagnosticDescriptors.GetById(descriptor.Id);
                Assert.IsType<LocalizableResourceString>(descriptor.MessageFormat);
                string message = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.False(string.IsNullOrEmpty(message), descriptor.Id);
                Assert.False(string.IsNullOrEmpty(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)), descriptor.Id);
                Assert.Equal(rule.Title.ToString(), descriptor.Title.ToString());
                Assert.False(string.IsNullOrEmpty(descriptor.Title.ToString()), descriptor.Id);
                Assert.Equal(rule.DefaultSeverity, descriptor.DefaultSeverity);
                Assert.Equal(rule.HelpLinkUri, descriptor.HelpLinkUri);
            }

            Assert.Equal(all.Length, all.Select(d => d.MessageFormat.ToString()).Distinct().Count());
            Assert.Contains(JuheSms.Internal.SmsRules.MarketingSuffix, DiagnosticDescriptors.MarketingSuffixMissing.MessageFormat.ToString());
        }

        [Fact]
        public void Example_file_points_at_the_schema_and_the_schema_enums_are_what_the_parser_accepts()
        {
            string root = Snapshot.RepositoryRoot();
            using JsonDocument example = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "templates.example.json")));
            Assert.Equal("./templates.schema.json", example.RootElement.GetProperty("$schema").GetString());

            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "templates.schema.json")));
            Assert.Equal("http://json-schema.org/draft-07/schema#", schema.RootElement.GetProperty("$schema").GetString());
            JsonElement definitions = schema.RootElement.GetProperty("definitions");
            string[] kinds = definitions.GetProperty("template").GetProperty("properties").GetProperty("kind").GetProperty("enum")
                .EnumerateArray().Select(e => e.GetString()!).ToArray();
            string[] types = definitions.GetProperty("variable").GetProperty("properties").GetProperty("type").GetProperty("enum")
                .EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Equal(new[] { "verification", "notification", "marketing" }, kinds);
            Assert.Equal(new[] { "string", "int", "long" }, types);

            foreach (string kind in kinds)
            {
                string json = "{ \"templates\": [ { \"name\": \"A\", \"tplId\": 1, \"kind\": \"" + kind + "\", \"text\": \"#a#拒收请回复R\", \"variables\": { \"a\": { \"type\": \"int\" } } } ] }";
                Assert.Empty(TemplatesParser.Parse("/x/t.json", json).Diagnostics);
            }

            foreach (string type in types)
            {
                string json = "{ \"templates\": [ { \"name\": \"A\", \"tplId\": 1, \"text\": \"#a#\", \"variables\": { \"a\": { \"type\": \"" + type + "\" } } } ] }";
                Assert.Empty(TemplatesParser.Parse("/x/t.json", json).Diagnostics);
            }
        }

        [Theory]
        [InlineData("/p/sms-templates.json", true)]
        [InlineData("/p/SMS-Templates.JSON", true)]
        [InlineData("/p/orders.sms.json", true)]
        [InlineData("C:\\p\\orders.sms.json", true)]
        [InlineData("/p/appsettings.json", false)]
        [InlineData("/p/sms.json", false)]
        public void Conventional_file_names(string path, bool expected)
            => Assert.Equal(expected, TemplatesFileOptions.HasConventionalName(path));
    }
}
