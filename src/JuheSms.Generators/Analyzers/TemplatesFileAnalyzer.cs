using System.Collections.Immutable;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// Reports the templates file's own diagnostics (JSMS001-JSMS011) in the file, where the user edits it: an IDE runs an
    /// additional-file action live on an open JSON file, while it shows a generator's diagnostics late or not at all.
    /// The files are the ones the generator reads (<see cref="TemplatesFileOptions.IsTemplatesFile"/>), the diagnostics
    /// the generator's parser finds, parsed once per content and shared with the call-site analyzer
    /// (<see cref="TemplatesFileCache"/>). The generator reports them only when a build runs no analyzers.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplatesFileAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.InvalidFile,
            DiagnosticDescriptors.InvalidValue,
            DiagnosticDescriptors.DuplicateTemplate,
            DiagnosticDescriptors.InvalidTemplateName,
            DiagnosticDescriptors.UndeclaredPlaceholder,
            DiagnosticDescriptors.UnusedVariable,
            DiagnosticDescriptors.InvalidPlaceholder,
            DiagnosticDescriptors.MessageTooLong,
            DiagnosticDescriptors.MarketingSuffixMissing,
            DiagnosticDescriptors.InvalidVariableRule,
            DiagnosticDescriptors.GeneratorFailure);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            AdditionalText file = context.AdditionalFile;
            if (!TemplatesFileOptions.IsTemplatesFile(file, context.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            // An unreadable file reads as empty text, as in the generator: JSMS001 "the file is empty".
            SourceText text = file.GetText(context.CancellationToken) ?? SourceText.From(string.Empty);
            TemplatesParseResult result = TemplatesFileCache.Parse(file.Path, text, context.CancellationToken);
            foreach (DiagnosticInfo info in result.Diagnostics)
            {
                context.ReportDiagnostic(info.ToDiagnostic());
            }
        }
    }
}
