using System.Collections.Immutable;
using System.Threading;
using JuheSms.Generators.Emitting;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// The one place where the call-site analyzer meets the generator's model: parses a templates file with the
    /// generator's <see cref="TemplatesParser"/> and keeps what the call-site rules need (names, ids, variable rules,
    /// the generated class and method names). The diagnostics of the file itself (JSMS001-JSMS010) are the generator's.
    /// </summary>
    internal static class TemplatesFileAdapter
    {
        /// <summary>Parses <paramref name="text"/> and converts the result; an unusable file gives <see cref="FileTemplates.Empty"/>.</summary>
        public static FileTemplates Read(string path, string? rootNamespace, SourceText text, CancellationToken cancellationToken)
        {
            TemplatesParseResult result = TemplatesParser.Parse(path, text.ToString(), cancellationToken);
            return result.File is null ? FileTemplates.Empty : Convert(result.File, rootNamespace);
        }

        /// <summary>Converts a parsed file; <paramref name="rootNamespace"/> is the project's RootNamespace (for a file naming none).</summary>
        public static FileTemplates Convert(TemplatesFileSpec file, string? rootNamespace)
        {
            // The generator's own rule for a file naming no namespace (RootNamespace, else the fallback).
            string ns = TemplatesEmitter.ResolveNamespace(file, rootNamespace ?? string.Empty).Namespace ?? TemplatesFileOptions.FallbackNamespace;
            string className = ns.Length == 0 ? file.ClassName : ns + "." + file.ClassName;
            var templates = ImmutableArray.CreateBuilder<TemplateInfo>(file.Templates.Count);
            foreach (TemplateSpec template in file.Templates)
            {
                var variables = ImmutableArray.CreateBuilder<VariableInfo>(template.Variables.Count);
                foreach (VariableSpec variable in template.Variables)
                {
                    variables.Add(new VariableInfo(
                        variable.Name,
                        variable.ParameterNameText,
                        variable.Type switch
                        {
                            VariableType.Int => VariableKind.Int32,
                            VariableType.Long => VariableKind.Int64,
                            _ => VariableKind.String,
                        },
                        variable.Pattern,
                        variable.MaxLength));
                }

                templates.Add(new TemplateInfo(template.Name, template.TplId, className, template.TypeName, template.MethodName, variables.MoveToImmutable()));
            }

            return new FileTemplates(className, templates.MoveToImmutable());
        }
    }
}
