using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JuheSms.Generators.Tests.Infrastructure
{
    /// <summary>Runs <see cref="TemplatesGenerator"/> through a CSharpGeneratorDriver (no test framework in between).</summary>
    internal static class GeneratorRunner
    {
        public const string DefaultRootNamespace = "TestProject";

        public static CSharpCompilation CreateCompilation(LanguageVersion languageVersion = LanguageVersion.Latest, params string[] sources)
        {
            var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
            IEnumerable<SyntaxTree> trees = (sources.Length == 0 ? new[] { "namespace TestProject { internal static class Program { } }" } : sources)
                .Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: "/src/Source" + i + ".cs"));
            return CSharpCompilation.Create(
                "TestProject",
                trees,
                TestReferences.All,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    // C# 7.3 has no nullable context: enabling it would be an error (CS8630).
                    nullableContextOptions: languageVersion.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                    generalDiagnosticOption: ReportDiagnostic.Error,
                    warningLevel: 9999,
                    specificDiagnosticOptions: TestReferences.SdkSuppressions));
        }

        /// <summary>
        /// A driver over <paramref name="files"/>. By default as in a build without analyzers (<c>RunAnalyzers=false</c>),
        /// where the generator itself reports the templates file's diagnostics; <paramref name="analyzersRun"/> true is a
        /// build with analyzers, where those are the TemplatesFileAnalyzer's.
        /// </summary>
        public static GeneratorDriver CreateDriver(
            IEnumerable<AdditionalText> files,
            string? rootNamespace = DefaultRootNamespace,
            IDictionary<string, IDictionary<string, string>>? perFile = null,
            LanguageVersion languageVersion = LanguageVersion.Latest,
            bool analyzersRun = false)
        {
            var global = new Dictionary<string, string>();
            if (rootNamespace is not null)
            {
                global["build_property.RootNamespace"] = rootNamespace;
            }

            if (!analyzersRun)
            {
                global["build_property.RunAnalyzers"] = "false";
            }

            return CSharpGeneratorDriver.Create(
                new[] { new TemplatesGenerator().AsSourceGenerator() },
                files,
                new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose),
                new TestOptionsProvider(global, perFile),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        }

        /// <summary>Runs the generator over one templates file; returns the run result and the output compilation.</summary>
        public static (GeneratorRunResult Result, Compilation Output) Run(
            string path,
            string json,
            string? rootNamespace = DefaultRootNamespace,
            LanguageVersion languageVersion = LanguageVersion.Latest,
            bool metadata = false,
            bool analyzersRun = false)
        {
            // metadata: mark the file the way the package's targets do (build_metadata.AdditionalFiles.JuheSmsTemplates = true).
            var perFile = metadata
                ? new Dictionary<string, IDictionary<string, string>> { [path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.JuheSmsTemplates"] = "true" } }
                : null;
            GeneratorDriver driver = CreateDriver(new[] { new InMemoryAdditionalText(path, json) }, rootNamespace, perFile, languageVersion, analyzersRun);
            driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(languageVersion), out Compilation output, out ImmutableArray<Diagnostic> _);
            return (driver.GetRunResult().Results.Single(), output);
        }
    }
}
