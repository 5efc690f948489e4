using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// One template of the generator's model (<see cref="TemplateSpec"/>) with what the call-site rules look up: the
    /// generated class it is in, its variables by name and by parameter, and each variable's pattern compiled once.
    /// </summary>
    internal sealed class CatalogTemplate
    {
        private readonly Dictionary<string, VariableSpec> _byName = new Dictionary<string, VariableSpec>(StringComparer.Ordinal);
        private readonly Dictionary<string, VariableSpec> _byParameter = new Dictionary<string, VariableSpec>(StringComparer.Ordinal);
        private readonly Dictionary<string, Regex> _patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);

        public CatalogTemplate(TemplateSpec spec, string classMetadataName)
        {
            Spec = spec;
            ClassMetadataName = classMetadataName;
            foreach (VariableSpec variable in spec.Variables)
            {
                _byName[variable.Name] = variable;
                _byParameter[variable.ParameterNameText] = variable;
                if (CompilePattern(variable.Pattern) is Regex regex)
                {
                    _patterns[variable.Name] = regex;
                }
            }
        }

        /// <summary>The template as the generator emits it.</summary>
        public TemplateSpec Spec { get; }

        /// <summary>The generated class's metadata name (<c>Contoso.Sms.SmsTemplates</c>).</summary>
        public string ClassMetadataName { get; }

        /// <summary>The variable called <paramref name="name"/> in the template text, or null.</summary>
        public VariableSpec? FindVariable(string name) => _byName.TryGetValue(name, out VariableSpec? v) ? v : null;

        /// <summary>The variable behind the typed methods' parameter <paramref name="parameterName"/> (no <c>@</c>), or null.</summary>
        public VariableSpec? FindParameter(string parameterName) => _byParameter.TryGetValue(parameterName, out VariableSpec? v) ? v : null;

        /// <summary>The compiled pattern of <paramref name="variable"/>; null when it has none.</summary>
        public Regex? PatternOf(VariableSpec variable) => _patterns.TryGetValue(variable.Name, out Regex? regex) ? regex : null;

        private static Regex? CompilePattern(string? pattern)
        {
            if (pattern is null || pattern.Length == 0)
            {
                return null;
            }

            try
            {
                // A time-out: a user's pattern must never hang the IDE (catastrophic backtracking).
                return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }

    /// <summary>The templates of one templates file, for one root namespace (see <see cref="TemplatesFileCache"/>).</summary>
    internal sealed class FileTemplates
    {
        private FileTemplates(string classMetadataName, ImmutableArray<CatalogTemplate> templates)
        {
            ClassMetadataName = classMetadataName;
            Templates = templates;
        }

        /// <summary>The generated class's metadata name.</summary>
        public string ClassMetadataName { get; }

        /// <summary>The templates without errors, in file order.</summary>
        public ImmutableArray<CatalogTemplate> Templates { get; }

        /// <summary>A file with nothing usable in it (unreadable or invalid: its own diagnostics say why).</summary>
        public static FileTemplates Empty { get; } = new FileTemplates(string.Empty, ImmutableArray<CatalogTemplate>.Empty);

        /// <summary>The templates of a parsed file; <paramref name="rootNamespace"/> is the project's (for a file naming none).</summary>
        public static FileTemplates Create(TemplatesFileSpec? file, string? rootNamespace)
        {
            if (file is null)
            {
                return Empty;
            }

            string className = GeneratedNames.ClassMetadataName(GeneratedNames.ResolveNamespace(file.Namespace, rootNamespace), file.ClassName);
            var templates = ImmutableArray.CreateBuilder<CatalogTemplate>(file.Templates.Count);
            foreach (TemplateSpec template in file.Templates)
            {
                // A template with errors has a method that throws; what its file says of it is not to be trusted at call sites.
                if (!template.HasErrors)
                {
                    templates.Add(new CatalogTemplate(template, className));
                }
            }

            return new FileTemplates(className, templates.ToImmutable());
        }
    }

    /// <summary>Every template of one compilation, looked up by tpl_id and by template name.</summary>
    internal sealed class TemplateCatalog
    {
        private readonly Dictionary<int, CatalogTemplate> _byTplId = new Dictionary<int, CatalogTemplate>();
        private readonly Dictionary<string, Dictionary<string, CatalogTemplate>> _byClass =
            new Dictionary<string, Dictionary<string, CatalogTemplate>>(StringComparer.Ordinal);

        public TemplateCatalog(ImmutableArray<FileTemplates> files)
        {
            HasTemplatesFile = files.Length > 0;
            foreach (FileTemplates file in files)
            {
                if (!_byClass.TryGetValue(file.ClassMetadataName, out Dictionary<string, CatalogTemplate>? byName))
                {
                    byName = new Dictionary<string, CatalogTemplate>(StringComparer.Ordinal);
                    _byClass.Add(file.ClassMetadataName, byName);
                }

                foreach (CatalogTemplate template in file.Templates)
                {
                    // A tpl_id or name used twice is the templates file's error (JSMS003); the first one wins here.
                    if (!_byTplId.ContainsKey(template.Spec.TplId))
                    {
                        _byTplId.Add(template.Spec.TplId, template);
                    }

                    if (!byName.ContainsKey(template.Spec.Name))
                    {
                        byName.Add(template.Spec.Name, template);
                    }
                }
            }
        }

        /// <summary>True when the compilation has at least one templates file (even an invalid one).</summary>
        public bool HasTemplatesFile { get; }

        /// <summary>The generated classes' metadata names.</summary>
        public IEnumerable<string> ClassMetadataNames => _byClass.Keys;

        /// <summary>The template with this tpl_id, or null.</summary>
        public CatalogTemplate? FindByTplId(long tplId)
            => tplId >= int.MinValue && tplId <= int.MaxValue && _byTplId.TryGetValue((int)tplId, out CatalogTemplate? t) ? t : null;

        /// <summary>The template <paramref name="name"/> of the class <paramref name="classMetadataName"/>, or null.</summary>
        public CatalogTemplate? FindByName(string classMetadataName, string name)
            => _byClass.TryGetValue(classMetadataName, out Dictionary<string, CatalogTemplate>? byName)
               && byName.TryGetValue(name, out CatalogTemplate? t) ? t : null;

        /// <summary>The templates of the class <paramref name="classMetadataName"/>.</summary>
        public IEnumerable<CatalogTemplate> TemplatesOf(string classMetadataName)
            => _byClass.TryGetValue(classMetadataName, out Dictionary<string, CatalogTemplate>? byName)
                ? byName.Values
                : Array.Empty<CatalogTemplate>();
    }
}
