using System;
using System.Collections.Generic;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;

namespace JuheSms.Generators
{
    /// <summary>
    /// Every name the generated code declares or relies on, decided here and asked for by the parser (what a template may
    /// be called), the emitter (what it writes), the call-site analyzer and the code fixes (what they look up).
    /// </summary>
    internal static class GeneratedNames
    {
        /// <summary>The namespace used when the file names none and the project has no usable RootNamespace.</summary>
        public const string FallbackNamespace = "JuheSms.Generated";

        /// <summary>The class name used when the file names none.</summary>
        public const string DefaultClassName = "SmsTemplates";

        /// <summary>The send methods' fixed parameters (the variables' parameters come between mobile and ext).</summary>
        public const string ClientParameter = "client";

        /// <inheritdoc cref="ClientParameter"/>
        public const string MobileParameter = "mobile";

        /// <inheritdoc cref="ClientParameter"/>
        public const string ExtParameter = "ext";

        /// <inheritdoc cref="ClientParameter"/>
        public const string CancellationTokenParameter = "cancellationToken";

        /// <summary>
        /// The keyed send method's parameter (between ext and cancellationToken). It is the name the runtime gives
        /// <c>ArgumentException.ParamName</c> for a bad <c>SmsMessage.IdempotencyKey</c>, so the exception names it.
        /// </summary>
        public const string IdempotencyKeyParameter = "idempotencyKey";

        /// <summary>The members every generated template class has; a template name must not make one of them.</summary>
        public static readonly IReadOnlyList<string> TemplateMemberNames = new[]
        {
            "TplId", "Text", "Signature", "Kind", "VariableNames", "Render", "CreateMessage",
        };

        /// <summary>The parameters of every send method; a variable's parameter is renamed (suffix "Value") to avoid them.</summary>
        public static readonly IReadOnlyList<string> FixedParameterNames = new[]
        {
            ClientParameter, MobileParameter, ExtParameter, IdempotencyKeyParameter, CancellationTokenParameter,
        };

        /// <summary>The keyed send method's local that holds the message before its key is set (numbered when a parameter takes it).</summary>
        private const string MessageLocal = "message";

        /// <summary>The names a variable's parameter must not take: <see cref="FixedParameterNames"/> and <see cref="TemplateMemberNames"/>.</summary>
        private static readonly HashSet<string> ReservedParameterNames = CreateReservedParameterNames();

        /// <summary>The nested class of a template: its name with the first letter upper-cased (<c>orderShipped</c> → <c>OrderShipped</c>).</summary>
        public static string TypeName(string templateName) => CSharpNames.ToPascal(templateName);

        /// <summary>The send method of a template class: <c>Send{TypeName}Async</c>.</summary>
        public static string MethodName(string typeName) => "Send" + typeName + "Async";

        /// <summary>True when a template class <paramref name="typeName"/> would clash with a generated member or with the class <paramref name="className"/>.</summary>
        public static bool ClashesWithGeneratedName(string typeName, string className)
        {
            foreach (string member in TemplateMemberNames)
            {
                if (string.Equals(member, typeName, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return string.Equals(typeName, className, StringComparison.Ordinal);
        }

        /// <summary>
        /// <paramref name="parameter"/> (a C# identifier, maybe <c>@</c>-escaped), or when it is reserved or already in
        /// <paramref name="used"/> (bare names) the first free <c>{name}Value</c>, <c>{name}Value2</c>, ...: a variable called
        /// <c>mobile</c> becomes the parameter <c>mobileValue</c>. The result's bare name is added to <paramref name="used"/>.
        /// </summary>
        public static string UniqueParameterName(string parameter, List<string> used)
        {
            string unique = parameter;
            for (int n = 1; IsTaken(used, CSharpNames.Unescape(unique)); n++)
            {
                unique = CSharpNames.Unescape(parameter) + "Value" + (n == 1 ? string.Empty : CSharpNames.Invariant(n));
            }

            used.Add(CSharpNames.Unescape(unique));
            return unique;
        }

        /// <summary>The namespace the code of a file goes in: the file's, else the project's RootNamespace, else <see cref="FallbackNamespace"/>.</summary>
        public static string ResolveNamespace(string? fileNamespace, string? rootNamespace)
        {
            if (fileNamespace is not null)
            {
                return fileNamespace;
            }

            return rootNamespace is not null && CSharpNames.IsValidNamespace(rootNamespace) ? rootNamespace : FallbackNamespace;
        }

        /// <summary><paramref name="file"/> with its namespace resolved (<see cref="ResolveNamespace(string?, string?)"/>).</summary>
        public static TemplatesFileSpec ResolveNamespace(TemplatesFileSpec file, string? rootNamespace)
            => file.Namespace is not null ? file : file with { Namespace = ResolveNamespace((string?)null, rootNamespace) };

        /// <summary>The generated class's metadata name (<c>Contoso.Sms.SmsTemplates</c>), as <c>Compilation.GetTypeByMetadataName</c> takes it.</summary>
        public static string ClassMetadataName(string ns, string className) => ns.Length == 0 ? className : ns + "." + className;

        /// <summary>
        /// The private members of a template class for each variable, in variable order: the name constant
        /// (<c>{Parameter}Variable</c>) and the pattern field (<c>{Parameter}Pattern</c>), numbered when they would clash
        /// with a generated member, the class or another variable's parameter.
        /// </summary>
        public static void VariableMemberNames(TemplateSpec template, out string[] constants, out string[] patterns)
        {
            var used = new HashSet<string>(StringComparer.Ordinal) { template.TypeName };
            foreach (string name in TemplateMemberNames)
            {
                used.Add(name);
            }

            foreach (VariableSpec variable in template.Variables)
            {
                used.Add(variable.ParameterNameText);
            }

            int count = template.Variables.Count;
            constants = new string[count];
            patterns = new string[count];
            for (int i = 0; i < count; i++)
            {
                string pascal = CSharpNames.ToPascal(template.Variables[i].ParameterNameText);
                constants[i] = Unique(used, pascal + "Variable");
                patterns[i] = Unique(used, pascal + "Pattern");
            }
        }

        /// <summary>
        /// The local of the keyed send method that holds the message: <c>message</c>, or <c>message2</c>, ... when a variable's
        /// parameter is called that (a local must not share a parameter's name).
        /// </summary>
        public static string MessageLocalName(TemplateSpec template)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (VariableSpec variable in template.Variables)
            {
                used.Add(variable.ParameterNameText);
            }

            return Unique(used, MessageLocal);
        }

        private static string Unique(HashSet<string> used, string name)
        {
            string candidate = name;
            for (int n = 2; !used.Add(candidate); n++)
            {
                candidate = name + CSharpNames.Invariant(n);
            }

            return candidate;
        }

        private static bool IsTaken(List<string> used, string name)
            => ReservedParameterNames.Contains(name) || used.Contains(name);

        private static HashSet<string> CreateReservedParameterNames()
        {
            var names = new HashSet<string>(FixedParameterNames, StringComparer.Ordinal);
            names.UnionWith(TemplateMemberNames);
            return names;
        }
    }
}
