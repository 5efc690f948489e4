using System;
using System.Threading;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;
using static JuheSms.Generators.Parsing.JsonValues;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// Turns the text of a templates file into a <see cref="TemplatesFileSpec"/> and JSMS diagnostics located in the file,
    /// in one pass: the file's settings are read first (<see cref="FileSettings"/>), then the reader builds the file's
    /// tree and hands each template to a <see cref="TemplateSet"/> as soon as it has read it, so a large file's templates
    /// are never all alive at once. A template with an error is left out, the others are kept. Never throws for any input
    /// (except on cancellation). Shared by the generator and the analyzers (parse once per file, reuse the model).
    /// </summary>
    internal static class TemplatesParser
    {
        /// <summary>Parses one templates file. <paramref name="filePath"/> is only used for diagnostic locations.</summary>
        public static TemplatesParseResult Parse(string filePath, string text, CancellationToken cancellationToken = default)
        {
            var context = new ParseContext(new SourceMap(filePath, text ?? string.Empty));
            TemplatesFileSpec? file;
            try
            {
                file = ParseFile(context, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // A bug here must become a diagnostic that says it is ours, never AD0001/CS8785 in the user's build.
                context.Report(DiagnosticDescriptors.ParserFailure, context.Map.Span(0, 0), ex.GetType().Name, ex.Message);
                file = null;
            }

            return new TemplatesParseResult(file, context.Diagnostics.ToEquatableArray());
        }

        private static TemplatesFileSpec? ParseFile(ParseContext context, CancellationToken cancellationToken)
        {
            FileSettings settings = FileSettings.Read(context.Map.Utf8);
            var templates = new TemplateSet(context.Map, settings, cancellationToken);
            JsonNode? root = JsonTreeReader.Read(context.Map, context, cancellationToken, templates.Add);
            if (root is null)
            {
                return null;
            }

            if (root.Kind != JsonNodeKind.Object)
            {
                context.Report(DiagnosticDescriptors.InvalidFileRootNotObject, context.SpanOf(root), root.KindName);
                return null;
            }

            // The settings are checked here; their values are the ones the templates were checked with.
            var settingsScope = new CheckScope(context);
            string? ns = OptionalName(settingsScope, root, "namespace", CSharpNames.IsValidNamespace, DiagnosticDescriptors.InvalidNamespace);
            _ = OptionalName(settingsScope, root, "className", CSharpNames.IsPlainIdentifier, DiagnosticDescriptors.InvalidClassName);
            if (Optional(root, "signature") is JsonNode signatureNode)
            {
                _ = ExpectString(settingsScope, signatureNode, "signature");
            }

            JsonMember? templatesMember = root.Find("templates");
            if (templatesMember is null)
            {
                context.Report(DiagnosticDescriptors.InvalidFileNoTemplates, context.SpanOf(root));
                return null;
            }

            if (templatesMember.Value.Kind != JsonNodeKind.Array)
            {
                context.Report(DiagnosticDescriptors.InvalidFileTemplatesNotArray, context.SpanOf(templatesMember.Value), templatesMember.Value.KindName);
                return null;
            }

            // The root's first "templates" array is the one the reader streamed into the set.
            context.Add(templates.Context.Diagnostics);
            if (settingsScope.HasErrors)
            {
                return null;
            }

            return new TemplatesFileSpec(context.Map.FilePath, ns, settings.ClassName, settings.Signature, templates.Templates.ToEquatableArray());
        }

        /// <summary>An optional string property that must pass <paramref name="isValid"/>; null when absent or invalid (JSMS002).</summary>
        private static string? OptionalName(CheckScope scope, JsonNode root, string property, Func<string, bool> isValid, Microsoft.CodeAnalysis.DiagnosticDescriptor invalid)
        {
            JsonNode? node = Optional(root, property);
            if (node is null || !(ExpectString(scope, node, property) is string text))
            {
                return null;
            }

            if (isValid(text))
            {
                return text;
            }

            scope.Report(invalid, scope.Context.SpanOf(node), text);
            return null;
        }
    }
}
