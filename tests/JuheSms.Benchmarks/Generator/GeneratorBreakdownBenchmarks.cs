using System.Threading;
using BenchmarkDotNet.Attributes;
using JuheSms.Benchmarks.TestData;
using JuheSms.Generators.Emitting;
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
        private const int Templates = 1_000;

        private CSharpCompilation _compilation = null!;
        private string _json = null!;
        private TemplatesFileSpec _spec = null!;
        private string _emitted = null!;

        /// <summary>Writes the file, parses and emits it once, and prints the sizes.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _compilation = GeneratorHarness.CreateCompilation();
            _json = TemplatesFileWriter.Write(Templates);
            _spec = TemplatesEmitter.ResolveNamespace(TemplatesParser.Parse(GeneratorHarness.TemplatesPath, _json, CancellationToken.None).File!, "Consumer");
            _emitted = TemplatesEmitter.Emit(_spec, CancellationToken.None);
            System.Console.WriteLine($"// {Templates} templates: {_json.Length:N0} chars of JSON, {_emitted.Length:N0} chars of C# generated");
        }

        /// <summary>Baseline: the cold driver run (parse + emit through the driver).</summary>
        [Benchmark(Baseline = true)]
        public GeneratorDriver Cold() => GeneratorHarness.CreateDriver(_json).RunGenerators(_compilation);

        /// <summary>The parser alone.</summary>
        [Benchmark]
        public object ParseOnly() => TemplatesParser.Parse(GeneratorHarness.TemplatesPath, _json, CancellationToken.None);

        /// <summary>The emitter alone.</summary>
        [Benchmark]
        public string EmitOnly() => TemplatesEmitter.Emit(_spec, CancellationToken.None);

        /// <summary>The compiler's parse of the generated text (paid by every build that compiles this code).</summary>
        [Benchmark]
        public SyntaxTree ParseGeneratedCode() => CSharpSyntaxTree.ParseText(_emitted, GeneratorHarness.ParseOptions);
    }
}
