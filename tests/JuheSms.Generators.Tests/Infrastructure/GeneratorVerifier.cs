using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Tests.Infrastructure
{
    /// <summary>
    /// The Roslyn testing library's source-generator test, set up to resolve offline (runtime assemblies + JuheSms.dll),
    /// with the templates file as an AdditionalFile and the options as a global analyzer config.
    /// A test made by <see cref="ForDiagnostics"/> checks the expected diagnostics twice, the two ways a build gets them:
    /// from <see cref="Analyzers.TemplatesFileAnalyzer"/> (what a build with analyzers and the IDE report), and from the
    /// generator in a build without analyzers (<c>RunAnalyzers=false</c>, when the generator reports them itself).
    /// </summary>
    internal sealed class GeneratorVerifier : CSharpSourceGeneratorTest<TemplatesGenerator, DefaultVerifier>
    {
        public const string TemplatesPath = "/src/sms-templates.json";

        public GeneratorVerifier()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            TestState.Sources.Add("namespace TestProject { internal static class Program { } }");
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
        }

        /// <summary>With <see cref="TestReferences.SdkSuppressions"/>, as the .NET SDK builds.</summary>
        protected override CompilationOptions CreateCompilationOptions()
        {
            var options = (CSharpCompilationOptions)base.CreateCompilationOptions();
            return options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(TestReferences.SdkSuppressions));
        }

        /// <summary>A test over one templates file; generated sources are not compared (only diagnostics are).</summary>
        public static GeneratorVerifier ForDiagnostics(string json, string path = TemplatesPath, string rootNamespace = "TestProject")
        {
            var test = new GeneratorVerifier();
            test.TestState.AdditionalFiles.Add((path, SourceText.From(json, Encoding.UTF8)));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = " + rootNamespace + "\nbuild_property.RunAnalyzers = false\n"));
            test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            test._alsoAsAnalyzer = true;
            return test;
        }

        private bool _alsoAsAnalyzer;

        /// <summary>Runs the generator test, then (for <see cref="ForDiagnostics"/>) the analyzer over the same files with the same expectations.</summary>
        public new async Task RunAsync(System.Threading.CancellationToken cancellationToken = default)
        {
            await base.RunAsync(cancellationToken);
            if (_alsoAsAnalyzer)
            {
                var analyzer = new TemplatesFileAnalyzerVerifier();
                analyzer.TestState.Sources.AddRange(TestState.Sources);
                analyzer.TestState.AdditionalFiles.AddRange(TestState.AdditionalFiles);
                analyzer.TestState.AnalyzerConfigFiles.AddRange(TestState.AnalyzerConfigFiles);
                analyzer.ExpectedDiagnostics.AddRange(ExpectedDiagnostics);
                await analyzer.RunAsync(cancellationToken);
            }
        }

        /// <summary>Runs the generator on <paramref name="json"/> and checks that exactly <paramref name="expected"/> are reported.</summary>
        public static Task VerifyAsync(string json, params DiagnosticResult[] expected)
        {
            GeneratorVerifier test = ForDiagnostics(json);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>The expected diagnostic <paramref name="id"/> over the span marked in <paramref name="marked"/>.</summary>
        /// <remarks>The message is compared only when the test adds <c>.WithArguments(...)</c>.</remarks>
        public static DiagnosticResult Expect(string id, Marked marked, string path = TemplatesPath)
            => Expect(id, marked.StartLine, marked.StartColumn, marked.EndLine, marked.EndColumn, path);

        /// <summary>The expected diagnostic <paramref name="id"/> over an explicit 1-based span.</summary>
        public static DiagnosticResult Expect(string id, int startLine, int startColumn, int endLine, int endColumn, string path = TemplatesPath)
        {
            DiagnosticDescriptor descriptor = Diagnostics.DiagnosticDescriptors.GetById(id);
            return new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity)
                .WithSpan(path, startLine, startColumn, endLine, endColumn);
        }

        /// <summary>Adds the expected message arguments (and so the message) to <paramref name="result"/>.</summary>
        public static DiagnosticResult WithMessage(DiagnosticResult result, params object[] arguments)
            => result.WithMessageFormat(Diagnostics.DiagnosticDescriptors.GetById(result.Id).MessageFormat).WithArguments(arguments);
    }

    /// <summary>The analyzer test of <see cref="Analyzers.TemplatesFileAnalyzer"/>, resolving offline like <see cref="GeneratorVerifier"/>.</summary>
    internal sealed class TemplatesFileAnalyzerVerifier : CSharpAnalyzerTest<Analyzers.TemplatesFileAnalyzer, DefaultVerifier>
    {
        public TemplatesFileAnalyzerVerifier()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}
