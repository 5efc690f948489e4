using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Diagnostics
{
    // Draft: moved into DiagnosticDescriptors.cs once the generator's file is merged.
    internal static class DiagnosticDescriptors
    {
        public const string Category = "JuheSms";

        /// <summary>JSMS101: "The value of variable '{0}' contains {1}; a template variable must not hold '#', '【', '】' or control characters"</summary>
        public static readonly DiagnosticDescriptor UnsafeVariableValue = Create(
            "JSMS101",
            "A constant variable value contains a character the provider cannot carry",
            "The value of variable '{0}' contains {1}; a template variable must not hold '#', '【', '】' or control characters",
            DiagnosticSeverity.Error);

        /// <summary>JSMS102: "The value {0} of variable '{1}' of template '{2}' {3}"</summary>
        public static readonly DiagnosticDescriptor VariableRuleViolated = Create(
            "JSMS102",
            "A constant variable value breaks the variable's rules",
            "The value {0} of variable '{1}' of template '{2}' {3}",
            DiagnosticSeverity.Error);

        /// <summary>JSMS103: "'{0}' is not a mainland China mobile number (11 digits starting 1[3-9]; +86, spaces and dashes allowed)"</summary>
        public static readonly DiagnosticDescriptor InvalidMobile = Create(
            "JSMS103",
            "A constant mobile number is not a mainland China mobile number",
            "'{0}' is not a mainland China mobile number (11 digits starting 1[3-9]; +86, spaces and dashes allowed)",
            DiagnosticSeverity.Warning);

        /// <summary>JSMS104: "Template '{0}' (tpl_id {1}) needs the variable '{2}', which the variables do not give"</summary>
        public static readonly DiagnosticDescriptor MissingVariable = Create(
            "JSMS104",
            "A raw send of a known template misses a variable",
            "Template '{0}' (tpl_id {1}) needs the variable '{2}', which the variables do not give",
            DiagnosticSeverity.Error);

        /// <summary>JSMS105: "{0}"  ("Template 'X' (tpl_id 1) has no variable 'y'" / "tpl_id 9 is in no templates file")</summary>
        public static readonly DiagnosticDescriptor UnknownTemplateOrVariable = Create(
            "JSMS105",
            "A raw send names a variable or tpl_id the templates file does not have",
            "{0}",
            DiagnosticSeverity.Warning);

        /// <summary>JSMS106: "Template '{0}' has a typed method: use {1}.{2}"</summary>
        public static readonly DiagnosticDescriptor UseTypedMethod = Create(
            "JSMS106",
            "A raw send of a known template could use the typed method",
            "Template '{0}' has a typed method: use {1}.{2}",
            DiagnosticSeverity.Info);

        /// <summary>JSMS107: "The ext '{0}' is not 1 to 9 digits"</summary>
        public static readonly DiagnosticDescriptor InvalidExt = Create(
            "JSMS107",
            "A constant ext is not 1 to 9 digits",
            "The ext '{0}' is not 1 to 9 digits",
            DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
            => new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true,
                helpLinkUri: "https://github.com/juhesms/JuheSms.Generators/blob/main/docs/diagnostics/" + id + ".md");
    }
}
