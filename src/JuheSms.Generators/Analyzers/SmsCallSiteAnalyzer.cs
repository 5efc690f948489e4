using System.Collections.Immutable;
using JuheSms.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// The call-site analyzer (issue 4): checks the constants given to the typed send methods and to raw
    /// <c>new SmsMessage(...)</c> sends against the provider's rules (SmsRules) and the templates file (JSMS101-JSMS108).
    /// Wiring only; the rules live in <see cref="CallSiteAnalysis"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SmsCallSiteAnalyzer : DiagnosticAnalyzer
    {
        internal const string SmsMessageTypeName = "JuheSms.SmsMessage";
        internal const string ClientTypeName = "JuheSms.IJuheSmsClient";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnsafeVariableValue,
            DiagnosticDescriptors.VariableRuleViolated,
            DiagnosticDescriptors.InvalidMobile,
            DiagnosticDescriptors.MissingVariable,
            DiagnosticDescriptors.UnknownTemplateOrVariable,
            DiagnosticDescriptors.UseTypedMethod,
            DiagnosticDescriptors.InvalidExt,
            DiagnosticDescriptors.MarketingSentSingly);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analyzed too: a typed call in a generated file (Razor, another generator) is still a
            // call site. The emitter's own code is skipped by CallSiteAnalysis.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            Compilation compilation = context.Compilation;
            INamedTypeSymbol? smsMessage = compilation.GetTypeByMetadataName(SmsMessageTypeName);
            INamedTypeSymbol? client = compilation.GetTypeByMetadataName(ClientTypeName);
            if (smsMessage is null || client is null)
            {
                // Not a JuheSms project: nothing to check, and nothing registered keeps the cost at zero.
                return;
            }

            TemplateCatalog catalog = TemplatesFileCache.LoadCatalog(context.Options, context.CancellationToken);
            var analysis = new CallSiteAnalysis(compilation, smsMessage, client, catalog);
            context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        }
    }
}
