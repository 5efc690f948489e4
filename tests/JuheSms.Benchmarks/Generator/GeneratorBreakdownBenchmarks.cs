using System.Threading;
using BenchmarkDotNet.Attributes;
using JuheSms.Benchmarks.TestData;
using JuheSms.Generators.Emitting;
using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JuheSms.Benchmarks.Generator
{
    /// <summary>
    /// Where the cold run of 1,000 templates goes: the parser (JSON to model, every JSMS check), the emitter (model to C#
    /// text), and what the compiler does next with that text in every build, generator or not: parse it (the driver parses
    /// generated trees lazily, so <see cref="GeneratorColdBenchmarks"/> does not include this). Baseline: the whole cold
    /// driver run.
    /// </summary>
    [BenchmarkCategory("GeneratorBreakdown")]
    public class GeneratorBreakdownBenchmarks
    {
        /// <summary>Templates in the file.</summary>
        [Params(1_000, 10_000)]
        public int Templates { get; set; }

        private CSharpCompilation _compilation = null!;
        private string _json = null!;
        private TemplatesFileSpec _spec = null!;
        private EquatableArray<EmittedSource> _emitted;

        /// <summary>Writes the file, parses and emits it once, and prints the sizes.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _compilation = GeneratorHarness.CreateCompilation();
            _json = TemplatesFileWriter.Write(Templates);
            _spec = JuheSms.Generators.GeneratedNames.ResolveNamespace(TemplatesParser.Parse(GeneratorHarness.TemplatesPath, _json, CancellationToken.None).File!, "Consumer");
            _emitted = TemplatesEmitter.Emit(_spec, "Consumer.SmsTemplates", nullableAnnotations: true, CancellationToken.None);
            int chars = 0;
            foreach (EmittedSource source in _emitted)
            {
                chars += source.Text.Length;
            }

            System.Console.WriteLine($"// {Templates} templates: {_json.Length:N0} chars of JSON, {chars:N0} chars of C# generated in {_emitted.Count:N0} sources");
        }

        /// <summary>Baseline: the cold driver run (parse + emit through the driver).</summary>
        [Benchmark(Baseline = true)]
        public GeneratorDriver Cold() => GeneratorHarness.CreateDriver(_json).RunGenerators(_compilation);

        /// <summary>The parser alone.</summary>
        [Benchmark]
        public object ParseOnly() => TemplatesParser.Parse(GeneratorHarness.TemplatesPath, _json, CancellationToken.None);

        /// <summary>The emitter alone.</summary>
        [Benchmark]
        public object EmitOnly() => TemplatesEmitter.Emit(_spec, "Consumer.SmsTemplates", nullableAnnotations: true, CancellationToken.None);

        /// <summary>
        /// The compiler's parse of the generated sources, one after the other (paid by every build that compiles this
        /// code; a build parses them in parallel, so this is the CPU time, not the wall time).
        /// </summary>
        [Benchmark]
        public int ParseGeneratedCode()
        {
            int length = 0;
            foreach (EmittedSource source in _emitted)
            {
                length += CSharpSyntaxTree.ParseText(source.Text, GeneratorHarness.ParseOptions).GetRoot().FullSpan.Length;
            }

            return length;
        }
    }
}
