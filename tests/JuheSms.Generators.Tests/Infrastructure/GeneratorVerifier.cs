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
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = " + rootNamespace + "\n"));
            test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            return test;
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
}
