using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using JuheSms.Benchmarks.TestData;
using JuheSms.Generators;
using JuheSms.Generators.Emitting;
using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;
using JuheSms.Robustness.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace JuheSms.Robustness.Tests
{
    /// <summary>
    /// 20,000 generated and mutated templates files: the generator never throws, and for each file it either reports a
    /// JSMS error or generates code that compiles (a seeded sample of the generated code is compiled in one compilation).
    /// </summary>
    public sealed class TemplatesFileRobustnessTests
    {
        private const ulong Seed = 20251125;
        private const int Files = 20_000;
        private const int CompiledSample = 400;
        private const int DriverSample = 300;

        [Fact]
        public void Clean_files_from_the_test_data_generator_give_no_diagnostic_and_compile()
        {
            // The mutation test below means something only if its unmutated inputs are valid.
            var trees = new List<SyntaxTree>();
            for (int i = 0; i < 50; i++)
            {
                TemplatesParseResult result = TemplatesParser.Parse("/fuzz/clean" + i + ".sms.json", TemplatesFileWriter.Write(1 + (i % 20), seed: i, ns: "Clean.N" + i), CancellationToken.None);
                Assert.Empty(result.Diagnostics);
                Assert.NotNull(result.File);
                Assert.Equal(1 + (i % 20), result.File!.Templates.Count);
                trees.AddRange(Trees(TemplatesEmitter.Emit(result.File, "Clean" + i, nullableAnnotations: true, CancellationToken.None), "/gen/clean" + i + "/"));
            }

            AssertCompiles(trees);
        }

        [Fact]
        public void Twenty_thousand_mutated_files_give_a_JSMS_error_or_code_that_compiles()
        {
            var generated = new ConcurrentDictionary<int, EquatableArray<EmittedSource>>();
            int withError = 0;
            int withCode = 0;

            Seeded.ForEach(TemplatesFileMutations.Mutated, Seed, Files, (index, input) =>
            {
                string path = "/fuzz/file" + index + ".sms.json";
                TemplatesParseResult result = TemplatesParser.Parse(path, input.Text, CancellationToken.None);

                // Every diagnostic must be a JSMS one that Roslyn accepts (its location inside the file).
                Diagnostic[] diagnostics = result.Diagnostics.Select(d => d.ToDiagnostic()).ToArray();
                Assert.All(diagnostics, d => Assert.StartsWith("JSMS", d.Id, StringComparison.Ordinal));
                bool hasError = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

                if (result.File is null)
                {
                    Assert.True(hasError, "No code and no JSMS error for " + input);
                    Interlocked.Increment(ref withError);
                    return;
                }

                // Emitting must not throw; distinct namespaces let many outputs share one compilation.
                TemplatesFileSpec file = GeneratedNames.ResolveNamespace(result.File, "Fuzz");
                file = file with { Namespace = "N" + index + "." + file.Namespace };
                EquatableArray<EmittedSource> code = TemplatesEmitter.Emit(file, "File" + index, nullableAnnotations: true, CancellationToken.None);
                Assert.NotEmpty(code);
                Assert.All(code, source => Assert.Contains("namespace N" + index + ".", source.Text, StringComparison.Ordinal));
                Interlocked.Increment(ref (hasError ? ref withError : ref withCode));
                generated[index] = code;
            });

            // Both outcomes must be well represented, or the mutations are too weak or too strong to prove anything.
            Assert.True(withError > Files / 10, "Only " + withError + " files had an error.");
            Assert.True(generated.Count > Files / 20, "Only " + generated.Count + " files generated code.");

            // Compile a seeded, bounded sample of the generated code (the first ones by index: deterministic).
            List<SyntaxTree> trees = generated.OrderBy(p => p.Key).Take(CompiledSample)
                .SelectMany(p => Trees(p.Value, "/gen/file" + p.Key + "/"))
                .ToList();
            AssertCompiles(trees);
        }

        [Fact]
        public void The_generator_in_a_driver_never_fails_on_mutated_files_even_as_invalid_UTF8_bytes()
        {
            // The wiring (reading the AdditionalText, hint names, outputs) on a bounded sample, with the raw bytes when
            // the mutation made them invalid UTF-8, the way a build reads the file.
            Seeded.ForEach(TemplatesFileMutations.Mutated, Seed + 1, DriverSample, (index, input) =>
            {
                SourceText text = input.Bytes is null
                    ? SourceText.From(input.Text)
                    : SourceText.From(input.Bytes, input.Bytes.Length);
                // As in a build without analyzers, where the generator reports the file's diagnostics itself.
                GeneratorDriver driver = CSharpGeneratorDriver.Create(
                    new[] { new TemplatesGenerator().AsSourceGenerator() },
                    new AdditionalText[] { new BytesAdditionalText("/fuzz/sms-templates.json", text) },
                    ParseOptions,
                    new NoAnalyzersOptions());
                driver = driver.RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
                GeneratorRunResult run = driver.GetRunResult().Results.Single();

                Assert.Null(run.Exception);
                Assert.DoesNotContain(driverDiagnostics, d => d.Id == "CS8785" || d.Id == "CS8784");
                if (run.GeneratedSources.IsEmpty)
                {
                    Assert.Contains(run.Diagnostics, d => d.Id.StartsWith("JSMS", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
                }
                else
                {
                    Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
                }
            });
        }

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private static CSharpCompilation EmptyCompilation(IEnumerable<SyntaxTree>? trees = null) => CSharpCompilation.Create(
            "FuzzConsumer",
            trees ?? Array.Empty<SyntaxTree>(),
            References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>One syntax tree per generated source, as the driver adds them.</summary>
        private static IEnumerable<SyntaxTree> Trees(EquatableArray<EmittedSource> sources, string folder)
            => sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, folder + source.HintName));

        private static void AssertCompiles(IReadOnlyList<SyntaxTree> trees)
        {
            Assert.NotEmpty(trees);
            Diagnostic[] errors = EmptyCompilation(trees).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "The generated code does not compile: " + string.Join(Environment.NewLine, errors.Take(5).Select(e => e.ToString())));
        }

        /// <summary><c>build_property.RunAnalyzers = false</c>, nothing else.</summary>
        private sealed class NoAnalyzersOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
        {
            private static readonly Options Global = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.RunAnalyzers", "false"));
            private static readonly Options None = new Options(ImmutableDictionary<string, string>.Empty);

            public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => Global;

            public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

            public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

            private sealed class Options : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> _values;

                public Options(ImmutableDictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
            }
        }

        private sealed class BytesAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public BytesAdditionalText(string path, SourceText text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
