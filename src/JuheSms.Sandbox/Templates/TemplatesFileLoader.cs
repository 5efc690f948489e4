using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using JuheSms.Generators;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JuheSms.Sandbox.Templates
{
    /// <summary>
    /// Reads templates files with the generator's own parser, so the tool accepts exactly what the generator accepts
    /// (comments, trailing commas, the same JSMS diagnostics at the same line and column). The only file of the tool
    /// that knows the generator's types.
    /// </summary>
    internal static class TemplatesFileLoader
    {
        /// <summary>
        /// The names of the conventional templates files of <paramref name="folder"/> (<c>sms-templates.json</c>,
        /// <c>*.sms.json</c>), sorted: names, so that messages about them read as short as the user would type them.
        /// </summary>
        public static IReadOnlyList<string> FindConventionalFiles(string folder)
        {
            var found = new List<string>();
            foreach (string path in Directory.EnumerateFiles(folder))
            {
                if (TemplatesFileOptions.HasConventionalName(path))
                {
                    found.Add(Path.GetFileName(path));
                }
            }

            found.Sort(System.StringComparer.Ordinal);
            return found;
        }

        /// <summary>Parses <paramref name="text"/> (the content of <paramref name="path"/>).</summary>
        public static LoadedTemplatesFile Parse(string path, string text, CancellationToken cancellationToken = default)
        {
            TemplatesParseResult result = TemplatesParser.Parse(path, text, cancellationToken);
            var templates = new List<LoadedTemplate>();
            if (result.File is TemplatesFileSpec file)
            {
                foreach (TemplateSpec template in file.Templates)
                {
                    templates.Add(new LoadedTemplate(template.TplId, template.Name, file.Signature + template.Text));
                }
            }

            var diagnostics = new List<LoadedDiagnostic>();
            foreach (DiagnosticInfo info in result.Diagnostics)
            {
                Diagnostic diagnostic = info.ToDiagnostic();
                diagnostics.Add(new LoadedDiagnostic(
                    diagnostic.Severity == DiagnosticSeverity.Error,
                    // "path(line,col): error JSMS001: message", the compiler's own format.
                    CSharpDiagnosticFormatter.Instance.Format(diagnostic, CultureInfo.InvariantCulture)));
            }

            return new LoadedTemplatesFile(path, templates, diagnostics);
        }
    }

    /// <summary>One template as the sandbox registers it: the text already carries the file's signature.</summary>
    internal sealed record LoadedTemplate(int TplId, string Name, string TextWithSignature);

    /// <summary>A diagnostic of a templates file, formatted like the compiler's.</summary>
    internal sealed record LoadedDiagnostic(bool IsError, string Message);

    /// <summary>What one templates file gives: its valid templates and its diagnostics.</summary>
    internal sealed record LoadedTemplatesFile(string Path, IReadOnlyList<LoadedTemplate> Templates, IReadOnlyList<LoadedDiagnostic> Diagnostics);
}
