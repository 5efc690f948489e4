using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using JuheSms.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Benchmarks.Generator
{
    /// <summary>What the generator benchmarks share: a small consumer compilation, the templates file as an AdditionalText, drivers.</summary>
    internal static class GeneratorHarness
    {
        public const string TemplatesPath = "/bench/sms-templates.json";

        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private static readonly Lazy<MetadataReference[]> LazyReferences = new Lazy<MetadataReference[]>(LoadReferences);

        /// <summary>A consumer project: a few ordinary classes (<paramref name="edit"/> changes the body of one of them).</summary>
        public static CSharpCompilation CreateCompilation(int edit = 0)
        {
            var trees = new List<SyntaxTree>();
            for (int i = 0; i < 10; i++)
            {
                trees.Add(CSharpSyntaxTree.ParseText(UnrelatedSource(i, i == 0 ? edit : 0), ParseOptions, "/bench/Unrelated" + i + ".cs"));
            }

            return CSharpCompilation.Create(
                "Consumer",
                trees,
                LazyReferences.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        /// <summary>The same compilation with the first unrelated file edited (as a keystroke in a .cs file does).</summary>
        public static CSharpCompilation WithEdit(CSharpCompilation compilation, int edit)
        {
            SyntaxTree old = compilation.SyntaxTrees.First();
            SyntaxTree edited = CSharpSyntaxTree.ParseText(UnrelatedSource(0, edit), ParseOptions, old.FilePath);
            return compilation.ReplaceSyntaxTree(old, edited);
        }

        /// <summary>A fresh driver (nothing cached) over <paramref name="templatesJson"/>, or over no templates file when null.</summary>
        public static GeneratorDriver CreateDriver(string? templatesJson, bool trackSteps = false)
        {
            AdditionalText[] texts = templatesJson is null
                ? Array.Empty<AdditionalText>()
                : new AdditionalText[] { new MemoryAdditionalText(TemplatesPath, templatesJson) };
            return CSharpGeneratorDriver.Create(
                new[] { new TemplatesGenerator().AsSourceGenerator() },
                texts,
                ParseOptions,
                new GlobalOptionsProvider("Consumer"),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        }

        /// <summary>Throws unless the run generated the two send methods (without and with an idempotency key) of each of <paramref name="expectedTemplates"/> templates and reported nothing.</summary>
        public static void EnsureGenerated(GeneratorDriver driver, int expectedTemplates)
        {
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            if (result.Exception is not null)
            {
                throw new InvalidOperationException("The generator failed: " + result.Exception);
            }

            if (!result.Diagnostics.IsEmpty)
            {
                throw new InvalidOperationException("The test data is not clean: " + result.Diagnostics[0]);
            }

            int methods = result.GeneratedSources.Sum(s => CountOccurrences(s.SourceText.ToString(), "Task<global::JuheSms.SmsSendResult> Send"));
            if (methods != 2 * expectedTemplates)
            {
                throw new InvalidOperationException($"Expected {2 * expectedTemplates} generated send methods (two per template), found {methods}.");
            }
        }

        private static int CountOccurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static string UnrelatedSource(int index, int edit) =>
            "namespace Consumer\n{\n    public sealed class Service" + index + "\n    {\n" +
            "        public int Compute(int x)\n        {\n            return x * " + (index + 2) + " + " + edit + ";\n        }\n" +
            "        public string Describe() => \"Service" + index + "\";\n    }\n}\n";

        private static MetadataReference[] LoadReferences()
        {
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            return trusted
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal)
                               && (Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll"))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .Append(MetadataReference.CreateFromFile(typeof(SmsMessage).Assembly.Location))
                .ToArray();
        }

        private sealed class MemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public MemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        /// <summary>build_property.RootNamespace only, as MSBuild passes it.</summary>
        private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _global;

            public GlobalOptionsProvider(string rootNamespace)
            {
                _global = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace));
            }

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new Options(ImmutableDictionary<string, string>.Empty);

            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out string? found))
                {
                    value = found;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
