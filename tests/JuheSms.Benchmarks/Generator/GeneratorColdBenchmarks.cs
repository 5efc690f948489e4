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
    /// The generator from nothing cached (a first build, or the IDE opening the project): a fresh
    /// <see cref="CSharpGeneratorDriver"/> reads, parses and emits a templates file of N templates.
    /// Baseline: the same driver over the same compilation with no templates file (what any generator costs to host).
    /// <see cref="ParseOnly"/>, <see cref="EmitOnly"/> and <see cref="ParseGeneratedCode"/> split the cold run into the
    /// parser, the emitter and the compiler's parse of the generated text. Targets: 1,000 templates under 20 ms; 10,000 at most
    /// 12 times the 1,000 figure.
    /// </summary>
    public class GeneratorColdBenchmarks
    {
        private CSharpCompilation _compilation = null!;
        private string _json = null!;
        private TemplatesFileSpec _spec = null!;
        private string _emitted = null!;

        /// <summary>Templates in the file.</summary>
        [Params(10, 100, 1_000, 10_000)]
        public int Templates { get; set; }

        /// <summary>Writes the file and proves a run generates one method per template and no diagnostic.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _compilation = GeneratorHarness.CreateCompilation();
            _json = TemplatesFileWriter.Write(Templates);
            GeneratorHarness.EnsureGenerated(GeneratorHarness.CreateDriver(_json).RunGenerators(_compilation), Templates);
            _spec = TemplatesEmitter.ResolveNamespace(TemplatesParser.Parse(GeneratorHarness.TemplatesPath, _json, CancellationToken.None).File!, "Consumer");
            _emitted = TemplatesEmitter.Emit(_spec, CancellationToken.None);
            System.Console.WriteLine($"// {Templates} templates: {_json.Length:N0} chars of JSON, {_emitted.Length:N0} chars of C# generated");
        }

        /// <summary>Baseline: the driver with no templates file.</summary>
        [Benchmark(Baseline = true)]
        public GeneratorDriver NoTemplatesFile() => GeneratorHarness.CreateDriver(null).RunGenerators(_compilation);

        /// <summary>Parse + emit of the whole file through the driver (generated trees parsed, as a build does).</summary>
        [Benchmark]
        public GeneratorDriver Cold() => GeneratorHarness.CreateDriver(_json).RunGenerators(_compilation);

        /// <summary>The parser alone (JSON to the equatable model, every JSMS check included).</summary>
        [Benchmark]
        public object ParseOnly() => TemplatesParser.Parse(GeneratorHarness.TemplatesPath, _json, CancellationToken.None);

        /// <summary>The emitter alone (model to C# text).</summary>
        [Benchmark]
        public string EmitOnly() => TemplatesEmitter.Emit(_spec, CancellationToken.None);

        /// <summary>What the driver does with the emitted text and no generator can avoid: parsing it into a syntax tree.</summary>
        [Benchmark]
        public SyntaxTree ParseGeneratedCode() => CSharpSyntaxTree.ParseText(_emitted, GeneratorHarness.ParseOptions);
    }
}
