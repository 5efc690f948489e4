using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using JuheSms.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs the real source generator on a templates file and returns what it emits, so that the analyzer tests call
    /// the real typed methods (one source of truth: no hand-written stand-in that could drift from the emitter).
    /// </summary>
    internal static class GeneratedSources
    {
        private static readonly ConcurrentDictionary<string, ImmutableArray<(string HintName, string Source)>> s_cache =
            new ConcurrentDictionary<string, ImmutableArray<(string, string)>>(StringComparer.Ordinal);

        /// <summary>The generated sources (hint name, text) for <paramref name="templatesJson"/>.</summary>
        public static ImmutableArray<(string HintName, string Source)> For(string templatesJson)
            => s_cache.GetOrAdd(templatesJson, Generate);

        private static ImmutableArray<(string, string)> Generate(string templatesJson)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Generated",
                Array.Empty<SyntaxTree>(),
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new TemplatesGenerator().AsSourceGenerator() },
                new AdditionalText[] { new InMemoryAdditionalText(TestTemplates.Path, templatesJson) },
                new CSharpParseOptions(LanguageVersion.Latest),
                new MarkedFileOptionsProvider(TestTemplates.Path));

            GeneratorDriverRunResult result = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _).GetRunResult();
            Diagnostic[] errors = output.GetDiagnostics()
                .Concat(result.Diagnostics)
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .ToArray();
            if (errors.Length > 0)
            {
                throw new InvalidOperationException("The generated code does not compile: " + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
            }

            return result.Results
                .SelectMany(r => r.GeneratedSources)
                .Select(s => (s.HintName, s.SourceText.ToString()))
                .ToImmutableArray();
        }

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        /// <summary>Marks one file with <c>build_metadata.AdditionalFiles.JuheSmsTemplates = true</c>, as the package's targets do.</summary>
        private sealed class MarkedFileOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly string _path;

            public MarkedFileOptionsProvider(string path) => _path = path;

            public override AnalyzerConfigOptions GlobalOptions => DictionaryOptions.Empty;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
                => textFile.Path == _path
                    ? new DictionaryOptions(new Dictionary<string, string> { [TemplatesFileOptions.MetadataKey] = "true" })
                    : DictionaryOptions.Empty;
        }

        internal sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            public static readonly DictionaryOptions Empty = new DictionaryOptions(new Dictionary<string, string>());

            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => _values.TryGetValue(key, out value);
        }
    }
}
