using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using JuheSms.Benchmarks.TestData;
using JuheSms.Generators.Analyzers;
using JuheSms.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Benchmarks
{
    /// <summary>
    /// The templates-file analyzer (JSMS001-JSMS011) the way an IDE runs it on an open 1,000-template file:
    /// <c>CompilationWithAnalyzers.GetAnalysisResultAsync(AdditionalText, ...)</c> on a fresh compilation each time.
    /// Baseline: the parser alone on the same text. <see cref="AnalyzerPerEdit"/> is an edit of the JSON (new content:
    /// one parse); <see cref="AnalyzerUnchangedContent"/> is the re-analysis after an edit elsewhere (same content: the
    /// cache hit), beside <see cref="EmptyAdditionalFileAnalyzer"/>, an analyzer whose additional-file action does nothing
    /// (what the analyzer driver itself costs per run). Targets: per edit at most 20 ms; unchanged content about 0 beyond
    /// the driver's own cost.
    /// </summary>
    [BenchmarkCategory("TemplatesFileAnalyzer")]
    public class TemplatesFileAnalyzerBenchmarks
    {
        private const string Path = "/bench/sms-templates.json";
        private const int Templates = 1_000;

        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TemplatesFileAnalyzer());
        private readonly ImmutableArray<DiagnosticAnalyzer> _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        private CSharpCompilation _compilation = null!;
        private string _json = null!;
        private TextAdditionalText _unchanged = null!;
        private int _edit;

        /// <summary>Writes the file and proves the analyzer reads it (a mistake added to a copy is reported).</summary>
        [GlobalSetup]
        public void Setup()
        {
            _json = TemplatesFileWriter.Write(Templates);
            _compilation = CSharpCompilation.Create(
                "Bench",
                new[] { CSharpSyntaxTree.ParseText("class Program { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            _unchanged = new TextAdditionalText(Path, SourceText.From(_json));

            int clean = AnalyzeAsync(_unchanged).GetAwaiter().GetResult();
            int broken = AnalyzeAsync(new TextAdditionalText(Path, SourceText.From(_json.Replace("\"tplId\": 100000,", "\"tplId\": 0,")))).GetAwaiter().GetResult();
            if (clean != 0 || broken != 1)
            {
                throw new InvalidOperationException("Expected 0 diagnostics on the clean file and 1 on the broken copy; got " + clean + " and " + broken + ".");
            }
        }

        /// <summary>Baseline: the parser alone (what any edit of the JSON must cost at least).</summary>
        [Benchmark(Baseline = true)]
        public object ParseOnly() => TemplatesParser.Parse(Path, _json, CancellationToken.None);

        /// <summary>An edit of the JSON: new content (a comment at the end), so the analyzer parses it once.</summary>
        [Benchmark]
        public Task<int> AnalyzerPerEdit()
            => AnalyzeAsync(new TextAdditionalText(Path, SourceText.From(_json + "\n// edit " + (++_edit).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        /// <summary>The same content analyzed again (an edit in a .cs file starts a new compilation): the cache hit.</summary>
        [Benchmark]
        public Task<int> AnalyzerUnchangedContent() => AnalyzeAsync(_unchanged);

        /// <summary>The same run with an analyzer that does nothing: the analyzer driver's own cost.</summary>
        [Benchmark]
        public Task<int> EmptyAdditionalFileAnalyzer() => AnalyzeAsync(_unchanged, _empty);

        private async Task<int> AnalyzeAsync(AdditionalText file) => await AnalyzeAsync(file, _analyzers).ConfigureAwait(false);

        private async Task<int> AnalyzeAsync(AdditionalText file, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var options = new AnalyzerOptions(ImmutableArray.Create(file));
            CompilationWithAnalyzers withAnalyzers = _compilation.Clone().WithAnalyzers(analyzers, options);
            AnalysisResult result = await withAnalyzers.GetAnalysisResultAsync(file, analyzers, CancellationToken.None).ConfigureAwait(false);
            int count = 0;
            if (result.AdditionalFileDiagnostics.TryGetValue(file, out ImmutableDictionary<DiagnosticAnalyzer, ImmutableArray<Diagnostic>>? byAnalyzer))
            {
                foreach (ImmutableArray<Diagnostic> diagnostics in byAnalyzer.Values)
                {
                    count += diagnostics.Length;
                }
            }

            return count;
        }

#pragma warning disable RS1001, RS1036, RS2008 // A benchmark stand-in, created directly: not a shipped analyzer.
        private sealed class EmptyAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
                "BENCH002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterAdditionalFileAction(static _ => { });
            }
        }
#pragma warning restore RS1001, RS1036, RS2008

        private sealed class TextAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public TextAdditionalText(string path, SourceText text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
