using System.Threading;
using System.Threading.Tasks;
using JuheSms.Generators.Analyzers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace JuheSms.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Builds the analyzer and code-fix tests: offline references, the templates file as an AdditionalFile marked by a
    /// global analyzer config (as the package's targets mark it), and the real generator's output as extra sources.
    /// Expected diagnostics are written in the source as markup (<c>{|JSMS101:"1#"|}</c>): exact spans.
    /// </summary>
    internal static class Verify
    {
        /// <summary>Runs the analyzer on <paramref name="source"/> (markup) with the example templates file.</summary>
        public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
            => AnalyzerAsync(source, TestTemplates.Example, editorConfig: null, expected);

        /// <summary>Runs the analyzer; <paramref name="templatesJson"/> null means a project without a templates file.</summary>
        public static Task AnalyzerAsync(string source, string? templatesJson, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<SmsCallSiteAnalyzer, DefaultVerifier>
            {
                TestCode = source,
                ReferenceAssemblies = TestReferences.None,
            };
            Configure(test.TestState, templatesJson, editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Runs the analyzer with no templates file; <paramref name="configure"/> adds what the test needs.</summary>
        public static Task AnalyzerAsync(string source, System.Action<CSharpAnalyzerTest<SmsCallSiteAnalyzer, DefaultVerifier>> configure, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<SmsCallSiteAnalyzer, DefaultVerifier>
            {
                TestCode = source,
                ReferenceAssemblies = TestReferences.None,
            };
            Configure(test.TestState, templatesJson: null, editorConfig: null);
            configure(test);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Runs the analyzer and <typeparamref name="TFix"/>; the verifier compiles the fixed code (no new errors allowed).</summary>
        public static Task CodeFixAsync<TFix>(string source, string fixedSource, System.Action<CSharpCodeFixTest<SmsCallSiteAnalyzer, TFix, DefaultVerifier>>? configure = null)
            where TFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<SmsCallSiteAnalyzer, TFix, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = TestReferences.None,
            };
            Configure(test.TestState, TestTemplates.Example, editorConfig: null);
            Configure(test.FixedState, TestTemplates.Example, editorConfig: null);
            configure?.Invoke(test);
            return test.RunAsync(CancellationToken.None);
        }

        private static void Configure(SolutionState state, string? templatesJson, string? editorConfig)
        {
            state.AdditionalReferences.AddRange(TestReferences.All);
            if (templatesJson is not null)
            {
                state.AdditionalFiles.Add((TestTemplates.Path, templatesJson));
                state.AnalyzerConfigFiles.Add(("/.globalconfig", TestTemplates.GlobalConfig));
                foreach ((string hintName, string generated) in GeneratedSources.For(templatesJson))
                {
                    state.Sources.Add(("/0/Generated/" + hintName, generated));
                }
            }

            if (editorConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/0/.editorconfig", editorConfig));
            }
        }
    }
}
