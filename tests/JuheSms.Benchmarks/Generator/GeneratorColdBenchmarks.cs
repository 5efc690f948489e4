using BenchmarkDotNet.Attributes;
using JuheSms.Benchmarks.TestData;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JuheSms.Benchmarks.Generator
{
    /// <summary>
    /// The generator from nothing cached (a first build, or the IDE opening the project): a fresh
    /// <see cref="CSharpGeneratorDriver"/> reads, parses and emits a templates file of N templates.
    /// Baseline: the same driver over the same compilation with no templates file (what any generator costs to host).
    /// <see cref="GeneratorBreakdownBenchmarks"/> splits the 1,000-template run into its parts. Targets: 1,000 templates under 20 ms; 10,000 at most
    /// 12 times the 1,000 figure.
    /// </summary>
    [BenchmarkCategory("GeneratorCold")]
    public class GeneratorColdBenchmarks
    {
        private CSharpCompilation _compilation = null!;
        private string _json = null!;

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
        }

        /// <summary>Baseline: the driver with no templates file.</summary>
        [Benchmark(Baseline = true)]
        public GeneratorDriver NoTemplatesFile() => GeneratorHarness.CreateDriver(null).RunGenerators(_compilation);

        /// <summary>Parse + emit of the whole file through the driver (generated trees parsed, as a build does).</summary>
        [Benchmark]
        public GeneratorDriver Cold() => GeneratorHarness.CreateDriver(_json).RunGenerators(_compilation);
    }
}
