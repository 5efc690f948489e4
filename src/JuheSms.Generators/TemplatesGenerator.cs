using System.Collections.Generic;
using System.Collections.Immutable;
using JuheSms.Generators.Emitting;
using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JuheSms.Generators
{
    /// <summary>
    /// Turns each SMS templates file (see <see cref="TemplatesFileOptions"/>) into typed send methods. This file only wires
    /// the pipeline: parsing is <see cref="TemplatesParser"/>, emitting <see cref="TemplatesEmitter"/>. Every value that
    /// flows between steps is an equatable record of strings and numbers, so unrelated edits leave every step cached.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TemplatesGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Templates files: path + text only (no AdditionalText past this step).
            IncrementalValuesProvider<TemplatesFileInput> files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, cancellationToken) => TemplatesFileInput.TryRead(pair.Left, pair.Right, cancellationToken))
                .Where(static input => input is not null)
                .Select(static (input, _) => input!)
                .WithTrackingName(TrackingNames.TemplatesFiles);

            IncrementalValuesProvider<TemplatesParseResult> parsed = files
                .Select(static (input, cancellationToken) => TemplatesParser.Parse(input.Path, input.Text, cancellationToken))
                .WithTrackingName(TrackingNames.Parse);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);

            // The file's diagnostics are the TemplatesFileAnalyzer's (an IDE shows an analyzer's live in the JSON file, a
            // generator's late or not at all); the generator reports them only for a build that runs no analyzers.
            IncrementalValueProvider<bool> reportFileDiagnostics = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => !TemplatesFileOptions.AnalyzersRun(options.GlobalOptions))
                .WithTrackingName(TrackingNames.ReportFileDiagnostics);

            context.RegisterSourceOutput(diagnostics.Combine(reportFileDiagnostics), static (spc, pair) =>
            {
                if (!pair.Right)
                {
                    return;
                }

                foreach (DiagnosticInfo info in pair.Left)
                {
                    spc.ReportDiagnostic(info.ToDiagnostic());
                }
            });

            IncrementalValueProvider<string> rootNamespace = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue(TemplatesFileOptions.RootNamespaceKey, out string? ns) ? ns ?? string.Empty : string.Empty)
                .WithTrackingName(TrackingNames.RootNamespace);

            IncrementalValuesProvider<TemplatesFileSpec> resolved = parsed
                .Select(static (result, _) => result.File)
                .Where(static file => file is not null)
                .Select(static (file, _) => file!)
                .WithTrackingName(TrackingNames.SourceModel)
                .Combine(rootNamespace)
                .Select(static (pair, _) => GeneratedNames.ResolveNamespace(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.ResolvedModel);

            // Hint names need every file's namespace + class (two files may name the same class); only those keys are
            // collected, so editing a template re-emits that file alone.
            IncrementalValueProvider<EquatableArray<HintName>> hintNames = resolved
                .Select(static (file, _) => new HintName(file.FilePath, file.Namespace + "." + file.ClassName))
                .Collect()
                .Select(static (keys, _) => HintName.MakeUnique(keys))
                .WithTrackingName(TrackingNames.HintNames);

            // C# 7.3 (the default for .NET Framework and netstandard2.0 projects) has no nullable annotations: the code
            // is then written without them rather than failing to compile.
            IncrementalValueProvider<bool> nullableAnnotations = context.ParseOptionsProvider
                .Select(static (options, _) => options is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8)
                .WithTrackingName(TrackingNames.NullableAnnotations);

            IncrementalValuesProvider<GeneratedSource> sources = resolved
                .Combine(hintNames)
                .Combine(nullableAnnotations)
                .Select(static (pair, cancellationToken) => GeneratedSource.Create(
                    pair.Left.Left, HintName.For(pair.Left.Right, pair.Left.Left.FilePath), pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Emit);

            context.RegisterSourceOutput(sources, static (spc, source) =>
            {
                if (source.Error is not null)
                {
                    spc.ReportDiagnostic(source.Error.ToDiagnostic());
                    return;
                }

                foreach (EmittedSource emitted in source.Sources)
                {
                    try
                    {
                        spc.AddSource(emitted.HintName, emitted.Text);
                    }
                    catch (System.ArgumentException)
                    {
                        // The same file listed twice as an AdditionalFile gives the same hint names and the same sources:
                        // the first one is enough (AddSource throws on a repeated hint name).
                    }
                }
            });
        }
    }

    /// <summary>A templates file's path and text (the input of the Parse step).</summary>
    internal sealed record TemplatesFileInput(string Path, string Text)
    {
        public static TemplatesFileInput? TryRead(AdditionalText file, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken)
        {
            if (!TemplatesFileOptions.IsTemplatesFile(file, options))
            {
                return null;
            }

            // An unreadable file reads as empty text, which the parser reports as JSMS001.
            string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
            return new TemplatesFileInput(file.Path, text);
        }
    }

    /// <summary>The sources generated for one templates file, or the error that stopped the emitter.</summary>
    internal sealed record GeneratedSource(EquatableArray<EmittedSource> Sources, DiagnosticInfo? Error)
    {
        public static GeneratedSource Create(TemplatesFileSpec file, string hintPrefix, bool nullableAnnotations, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                return new GeneratedSource(TemplatesEmitter.Emit(file, hintPrefix, nullableAnnotations, cancellationToken), null);
            }
            catch (System.Exception ex) when (ex is not System.OperationCanceledException)
            {
                // A bug in the emitter must surface as a located diagnostic that says it is ours (JSMS011, not JSMS001:
                // the file may well be fine), never as CS8785 for the whole generator.
                var location = new FileSpan(file.FilePath, default, default);
                return new GeneratedSource(EquatableArray<EmittedSource>.Empty, DiagnosticInfo.Create(
                    Diagnostics.DiagnosticDescriptors.GeneratorFailure, location, ex.GetType().Name, ex.Message));
            }
        }
    }

    /// <summary>The hint-name prefix chosen for a templates file (see <see cref="TemplatesEmitter.Emit"/>).</summary>
    internal sealed record HintName(string FilePath, string Name)
    {
        /// <summary>
        /// <c>{Namespace}.{ClassName}</c>; when files share one, ordered by path (ordinal), the second gets <c>.2</c>,
        /// and so on, so hint names are unique and deterministic.
        /// </summary>
        public static EquatableArray<HintName> MakeUnique(ImmutableArray<HintName> keys)
        {
            var sorted = new List<HintName>(keys);
            sorted.Sort(static (a, b) =>
            {
                int byName = string.CompareOrdinal(a.Name, b.Name);
                return byName != 0 ? byName : string.CompareOrdinal(a.FilePath, b.FilePath);
            });

            var result = new List<HintName>(sorted.Count);
            var counts = new Dictionary<string, int>(System.StringComparer.OrdinalIgnoreCase);
            foreach (HintName key in sorted)
            {
                counts.TryGetValue(key.Name, out int seen);
                counts[key.Name] = seen + 1;
                string suffix = seen == 0 ? string.Empty : "." + (seen + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                result.Add(new HintName(key.FilePath, key.Name + suffix));
            }

            return result.ToEquatableArray();
        }

        public static string For(EquatableArray<HintName> names, string filePath)
        {
            foreach (HintName name in names)
            {
                if (string.Equals(name.FilePath, filePath, System.StringComparison.Ordinal))
                {
                    return name.Name;
                }
            }

            // Not reached: every resolved file has a key. A path-based name still keeps AddSource from throwing.
            return "JuheSms." + (uint)filePath.GetHashCode();
        }
    }
}
