using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>The .NET type of a variable's parameter in the typed methods.</summary>
    internal enum VariableKind
    {
        /// <summary><c>string</c>.</summary>
        String = 0,

        /// <summary><c>int</c>.</summary>
        Int32 = 1,

        /// <summary><c>long</c>.</summary>
        Int64 = 2,
    }

    /// <summary>What the call-site rules need to know of one template variable (built from the parser's model).</summary>
    internal sealed class VariableInfo
    {
        public VariableInfo(string name, string parameterName, VariableKind kind, string? pattern, int? maxLength)
        {
            Name = name;
            ParameterName = parameterName;
            Kind = kind;
            Pattern = pattern;
            MaxLength = maxLength;
            PatternRegex = CompilePattern(pattern);
        }

        /// <summary>The name in the template text, without the <c>#</c>.</summary>
        public string Name { get; }

        /// <summary>The typed methods' parameter name (no <c>@</c>).</summary>
        public string ParameterName { get; }

        /// <summary>The parameter type.</summary>
        public VariableKind Kind { get; }

        /// <summary>The declared regular expression, or null.</summary>
        public string? Pattern { get; }

        /// <summary>The compiled pattern; null when there is none or it does not compile (the generator reports that).</summary>
        public Regex? PatternRegex { get; }

        /// <summary>The declared maximum length, or null.</summary>
        public int? MaxLength { get; }

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

    /// <summary>One template of a templates file, as the call-site rules see it.</summary>
    internal sealed class TemplateInfo
    {
        private readonly Dictionary<string, VariableInfo> _byName;
        private readonly Dictionary<string, VariableInfo> _byParameter;

        public TemplateInfo(string name, int tplId, string classMetadataName, string typeName, string sendMethodName, ImmutableArray<VariableInfo> variables)
        {
            Name = name;
            TypeName = typeName;
            TplId = tplId;
            ClassMetadataName = classMetadataName;
            SendMethodName = sendMethodName;
            Variables = variables;
            _byName = new Dictionary<string, VariableInfo>(StringComparer.Ordinal);
            _byParameter = new Dictionary<string, VariableInfo>(StringComparer.Ordinal);
            foreach (VariableInfo variable in variables)
            {
                _byName[variable.Name] = variable;
                _byParameter[variable.ParameterName] = variable;
            }
        }

        /// <summary>The template's name (<c>VerificationCode</c>).</summary>
        public string Name { get; }

        /// <summary>The provider's template id.</summary>
        public int TplId { get; }

        /// <summary>The generated class's metadata name (<c>Contoso.Sms.SmsTemplates</c>).</summary>
        public string ClassMetadataName { get; }

        /// <summary>The nested class of the template in the generated class (<c>VerificationCode</c>).</summary>
        public string TypeName { get; }

        /// <summary>The typed send method's name (<c>SendVerificationCodeAsync</c>).</summary>
        public string SendMethodName { get; }

        /// <summary>The variables, in placeholder order (the typed methods' parameter order).</summary>
        public ImmutableArray<VariableInfo> Variables { get; }

        /// <summary>The variable called <paramref name="name"/> in the template text, or null.</summary>
        public VariableInfo? FindVariable(string name) => _byName.TryGetValue(name, out VariableInfo? v) ? v : null;

        /// <summary>The variable behind the typed methods' parameter <paramref name="parameterName"/>, or null.</summary>
        public VariableInfo? FindParameter(string parameterName)
            => _byParameter.TryGetValue(parameterName, out VariableInfo? v) ? v : null;
    }

    /// <summary>The templates of one templates file: parsed once per file content (see <see cref="TemplatesFileCache"/>).</summary>
    internal sealed class FileTemplates
    {
        public FileTemplates(string classMetadataName, ImmutableArray<TemplateInfo> templates)
        {
            ClassMetadataName = classMetadataName;
            Templates = templates;
        }

        /// <summary>The generated class's metadata name.</summary>
        public string ClassMetadataName { get; }

        /// <summary>The templates.</summary>
        public ImmutableArray<TemplateInfo> Templates { get; }

        /// <summary>A file with nothing usable in it (unreadable or invalid: the generator reports why).</summary>
        public static FileTemplates Empty { get; } = new FileTemplates(string.Empty, ImmutableArray<TemplateInfo>.Empty);
    }

    /// <summary>Every template of one compilation, looked up by tpl_id and by template name.</summary>
    internal sealed class TemplateCatalog
    {
        private readonly Dictionary<int, TemplateInfo> _byTplId = new Dictionary<int, TemplateInfo>();
        private readonly Dictionary<string, Dictionary<string, TemplateInfo>> _byClass =
            new Dictionary<string, Dictionary<string, TemplateInfo>>(StringComparer.Ordinal);

        public TemplateCatalog(ImmutableArray<FileTemplates> files)
        {
            HasTemplatesFile = files.Length > 0;
            foreach (FileTemplates file in files)
            {
                if (!_byClass.TryGetValue(file.ClassMetadataName, out Dictionary<string, TemplateInfo>? byName))
                {
                    byName = new Dictionary<string, TemplateInfo>(StringComparer.Ordinal);
                    _byClass.Add(file.ClassMetadataName, byName);
                }

                foreach (TemplateInfo template in file.Templates)
                {
                    // A tpl_id or name used twice is the generator's error; the first one wins here.
                    if (!_byTplId.ContainsKey(template.TplId))
                    {
                        _byTplId.Add(template.TplId, template);
                    }

                    if (!byName.ContainsKey(template.Name))
                    {
                        byName.Add(template.Name, template);
                    }
                }
            }
        }

        /// <summary>True when the compilation has at least one templates file (even an invalid one).</summary>
        public bool HasTemplatesFile { get; }

        /// <summary>The generated classes' metadata names.</summary>
        public IEnumerable<string> ClassMetadataNames => _byClass.Keys;

        /// <summary>The template with this tpl_id, or null.</summary>
        public TemplateInfo? FindByTplId(long tplId)
            => tplId >= int.MinValue && tplId <= int.MaxValue && _byTplId.TryGetValue((int)tplId, out TemplateInfo? t) ? t : null;

        /// <summary>The template <paramref name="name"/> of the class <paramref name="classMetadataName"/>, or null.</summary>
        public TemplateInfo? FindByName(string classMetadataName, string name)
            => _byClass.TryGetValue(classMetadataName, out Dictionary<string, TemplateInfo>? byName)
               && byName.TryGetValue(name, out TemplateInfo? t) ? t : null;

        /// <summary>The templates of the class <paramref name="classMetadataName"/>.</summary>
        public IEnumerable<TemplateInfo> TemplatesOf(string classMetadataName)
            => _byClass.TryGetValue(classMetadataName, out Dictionary<string, TemplateInfo>? byName)
                ? byName.Values
                : Array.Empty<TemplateInfo>();
    }
}
