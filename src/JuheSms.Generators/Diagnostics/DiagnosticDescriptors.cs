using System;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic of the templates file (JSMS001-JSMS010). IDs are a public contract: never reuse or renumber one;
    /// record each in AnalyzerReleases.Unshipped.md and document it in docs/diagnostics/{id}.md.
    /// Call-site analyzers use JSMS101 and up.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "JuheSms";

        /// <summary>Where the diagnostic pages live; <see cref="HelpLink"/> appends <c>/docs/diagnostics/{id}.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/juhesms/JuheSms.Generators/blob/main";

        /// <summary>The help link of a diagnostic id: its page under docs/diagnostics.</summary>
        public static string HelpLink(string id) => HelpLinkBase + "/docs/diagnostics/" + id + ".md";

        /// <summary>JSMS001: "The SMS templates file is not valid: {0}"</summary>
        public static readonly DiagnosticDescriptor InvalidFile = Create(
            "JSMS001",
            "The SMS templates file is not valid JSON or not the expected shape",
            "The SMS templates file is not valid: {0}",
            DiagnosticSeverity.Error);

        /// <summary>JSMS002: "{0}"  (e.g. "The template lacks \"tplId\"", "\"tplId\" must be a positive integer up to 2147483647")</summary>
        public static readonly DiagnosticDescriptor InvalidValue = Create(
            "JSMS002",
            "A template lacks a required property or a value has the wrong type",
            "{0}",
            DiagnosticSeverity.Error);

        /// <summary>JSMS003: "Another template already has the {0} {1}"</summary>
        public static readonly DiagnosticDescriptor DuplicateTemplate = Create(
            "JSMS003",
            "Two templates share a tplId or a name",
            "Another template already has the {0} {1}",
            DiagnosticSeverity.Error);

        /// <summary>JSMS004: "The template name '{0}' {1}"</summary>
        public static readonly DiagnosticDescriptor InvalidTemplateName = Create(
            "JSMS004",
            "The template name does not make a valid, unique C# method name",
            "The template name '{0}' {1}",
            DiagnosticSeverity.Error);

        /// <summary>JSMS005: "The placeholder '#{0}#' of template '{1}' has no entry in \"variables\""</summary>
        public static readonly DiagnosticDescriptor UndeclaredPlaceholder = Create(
            "JSMS005",
            "A placeholder has no entry in variables",
            "The placeholder '#{0}#' of template '{1}' has no entry in \"variables\"",
            DiagnosticSeverity.Error);

        /// <summary>JSMS006: "The variable '{0}' of template '{1}' has no '#{0}#' placeholder in the text; it is ignored"</summary>
        public static readonly DiagnosticDescriptor UnusedVariable = Create(
            "JSMS006",
            "A variable has no placeholder in the text",
            "The variable '{0}' of template '{1}' has no '#{0}#' placeholder in the text; it is ignored",
            DiagnosticSeverity.Warning);

        /// <summary>JSMS007: "{0}"  (e.g. "The text of template 'X' has an unbalanced '#'")</summary>
        public static readonly DiagnosticDescriptor InvalidPlaceholder = Create(
            "JSMS007",
            "A variable name or the text breaks the placeholder rules",
            "{0}",
            DiagnosticSeverity.Error);

        /// <summary>JSMS008: "Template '{0}' can render to {1}{2} characters with the signature, billed as {1}{3} messages (one message holds 70)"</summary>
        public static readonly DiagnosticDescriptor MessageTooLong = Create(
            "JSMS008",
            "The rendered message exceeds one billed SMS",
            "Template '{0}' can render to {1}{2} characters with the signature, billed as {1}{3} messages (one message holds 70)",
            DiagnosticSeverity.Warning);

        /// <summary>JSMS009: "Marketing template '{0}' must end with '拒收请回复R'"</summary>
        public static readonly DiagnosticDescriptor MarketingSuffixMissing = Create(
            "JSMS009",
            "A marketing template does not end with the unsubscribe text",
            "Marketing template '{0}' must end with '" + JuheSms.Internal.SmsRules.MarketingSuffix + "'",
            DiagnosticSeverity.Warning);

        /// <summary>JSMS010: "{0}"  (e.g. "The pattern of variable 'code' is not a valid regular expression: ...")</summary>
        public static readonly DiagnosticDescriptor InvalidVariableRule = Create(
            "JSMS010",
            "A variable rule is invalid",
            "{0}",
            DiagnosticSeverity.Error);

        // Call-site analyzers (Analyzers/SmsCallSiteAnalyzer.cs, issue 4): constants at typed and raw sends.

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

        /// <summary>The descriptor with <paramref name="id"/>.</summary>
        public static DiagnosticDescriptor GetById(string id)
        {
            switch (id)
            {
                case "JSMS001": return InvalidFile;
                case "JSMS002": return InvalidValue;
                case "JSMS003": return DuplicateTemplate;
                case "JSMS004": return InvalidTemplateName;
                case "JSMS005": return UndeclaredPlaceholder;
                case "JSMS006": return UnusedVariable;
                case "JSMS007": return InvalidPlaceholder;
                case "JSMS008": return MessageTooLong;
                case "JSMS009": return MarketingSuffixMissing;
                case "JSMS010": return InvalidVariableRule;
                case "JSMS101": return UnsafeVariableValue;
                case "JSMS102": return VariableRuleViolated;
                case "JSMS103": return InvalidMobile;
                case "JSMS104": return MissingVariable;
                case "JSMS105": return UnknownTemplateOrVariable;
                case "JSMS106": return UseTypedMethod;
                case "JSMS107": return InvalidExt;
                default: throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id.");
            }
        }

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
            => new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
    }
}
