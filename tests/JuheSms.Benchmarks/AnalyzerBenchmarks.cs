using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using JuheSms.Generators;
using JuheSms.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Benchmarks
{
    /// <summary>
    /// The cost of the call-site analyzer (JSMS101-JSMS107) on a 2,000-line file with 500 sends, beside the cost of the
    /// compiler's own diagnostics for the same compilation (the baseline). Each operation starts from a fresh clone of
    /// the compilation, so binding is paid every time, as after an edit in the IDE. The templates file is parsed once and
    /// then comes from the analyzer's content-keyed cache, as on every keystroke in a .cs file.
    /// </summary>
    public class AnalyzerBenchmarks
    {
        private const int Calls = 500;

        private CSharpCompilation _compilation = null!;
        private AnalyzerOptions _options = null!;
        private ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private readonly ImmutableArray<DiagnosticAnalyzer> _emptyAnalyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer());

        [GlobalSetup]
        public void Setup()
        {
            var additionalText = new MemoryAdditionalText(CallSiteSource.TemplatesPath, CallSiteSource.Templates);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Bench",
                new[] { CSharpSyntaxTree.ParseText(CallSiteSource.Build(Calls), parseOptions, "/bench/Senders.cs") },
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            // The typed methods come from the real generator, as in a build.
            CSharpGeneratorDriver.Create(
                    new[] { new TemplatesGenerator().AsSourceGenerator() },
                    new AdditionalText[] { additionalText },
                    parseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out Compilation withGenerated, out _);
            _compilation = (CSharpCompilation)withGenerated;

            ImmutableArray<Diagnostic> errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            if (!errors.IsEmpty)
            {
                throw new InvalidOperationException("The benchmark source does not compile: " + errors[0]);
            }

            _options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(additionalText));
            _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SmsCallSiteAnalyzer());

            // Prove the analyzer does its work here (a benchmark of an analyzer that found nothing would prove nothing).
            int found = AnalyzerDiagnostics().GetAwaiter().GetResult();
            if (found == 0)
            {
                throw new InvalidOperationException("The analyzer reported nothing on the benchmark source.");
            }

            Console.WriteLine("// analyzer diagnostics on the benchmark source: " + found);
        }

        /// <summary>The baseline: the compiler's diagnostics (parse, declare, bind) of the same compilation, no analyzer.</summary>
        [Benchmark(Baseline = true)]
        public int CompilerDiagnostics() => _compilation.Clone().GetDiagnostics().Length;

        /// <summary>The call-site analyzer's diagnostics (binding included, as the analyzer driver needs it).</summary>
        [Benchmark]
        public async Task<int> AnalyzerDiagnostics()
        {
            CompilationWithAnalyzers withAnalyzers = _compilation.Clone().WithAnalyzers(_analyzers, _options);
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            return diagnostics.Length;
        }

        /// <summary>
        /// The analyzer driver's own cost: an analyzer that registers the same operation actions and does nothing.
        /// The call-site analyzer's work is the difference between <see cref="AnalyzerDiagnostics"/> and this.
        /// </summary>
        [Benchmark]
        public async Task<int> EmptyAnalyzerDiagnostics()
        {
            CompilationWithAnalyzers withAnalyzers = _compilation.Clone().WithAnalyzers(_emptyAnalyzer, _options);
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            return diagnostics.Length;
        }

        private static IEnumerable<MetadataReference> References()
        {
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            return trusted
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal)
                               && (Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll"))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .Append(MetadataReference.CreateFromFile(typeof(SmsMessage).Assembly.Location));
        }

#pragma warning disable RS1001, RS1036, RS2008 // A benchmark stand-in, created directly: not a shipped analyzer.
        private sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
                "BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
                context.RegisterCompilationStartAction(start =>
                    start.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation));
            }
        }
#pragma warning restore RS1001, RS1036, RS2008

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
    }
}
