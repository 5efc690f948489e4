using System;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic: JSMS001-JSMS011 for the templates file (the parser and the generator), JSMS101-JSMS107 for call
    /// sites (the call-site analyzer). IDs are a public contract: never reuse or renumber one; record each in
    /// AnalyzerReleases.Unshipped.md and document it in docs/diagnostics/{id}.md.
    /// An ID with several messages has one descriptor per message, all with the ID's title, description and severity:
    /// the first (public) one is the ID's rule, the others (internal) its further messages. Every text is a resource of
    /// <see cref="DiagnosticMessages"/> (<c>{Id}_Title</c>, <c>{Id}_Description</c>, <c>{Id}_{Message}</c>); each
    /// <c>///</c> below quotes the English message and says what fills its placeholders.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "JuheSms";

        /// <summary>Where the diagnostic pages live; <see cref="HelpLink"/> appends <c>/docs/diagnostics/{id}.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/juhesms/JuheSms.Generators/blob/main";

        /// <summary>The help link of a diagnostic id: its page under docs/diagnostics.</summary>
        public static string HelpLink(string id) => HelpLinkBase + "/docs/diagnostics/" + id + ".md";

        /// <summary>JSMS001: "The SMS templates file is not valid: {0}" ({0}: System.Text.Json's description of the syntax error)</summary>
        public static readonly DiagnosticDescriptor InvalidFile = Create("JSMS001", "JSMS001_JsonSyntax", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (Empty): "The SMS templates file is not valid: the file is empty; expected an object with a "templates" array"</summary>
        internal static readonly DiagnosticDescriptor InvalidFileEmpty = Create("JSMS001", "JSMS001_Empty", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (TrailingContent): "The SMS templates file is not valid: unexpected content after the root object"</summary>
        internal static readonly DiagnosticDescriptor InvalidFileTrailingContent = Create("JSMS001", "JSMS001_TrailingContent", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (DuplicateProperty): "The SMS templates file is not valid: the property "{0}" appears twice in the same object" ({0}: the property)</summary>
        internal static readonly DiagnosticDescriptor InvalidFileDuplicateProperty = Create("JSMS001", "JSMS001_DuplicateProperty", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (UnreadableString): "The SMS templates file is not valid: the string cannot be read: {0}" ({0}: why the string cannot be decoded)</summary>
        internal static readonly DiagnosticDescriptor InvalidFileUnreadableString = Create("JSMS001", "JSMS001_UnreadableString", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (RootNotObject): "The SMS templates file is not valid: the root is {0}; expected an object with a "templates" array" ({0}: a JSON kind (fragment))</summary>
        internal static readonly DiagnosticDescriptor InvalidFileRootNotObject = Create("JSMS001", "JSMS001_RootNotObject", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (NoTemplates): "The SMS templates file is not valid: the root object has no "templates" array"</summary>
        internal static readonly DiagnosticDescriptor InvalidFileNoTemplates = Create("JSMS001", "JSMS001_NoTemplates", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (TemplatesNotArray): "The SMS templates file is not valid: "templates" must be an array; got {0}" ({0}: a JSON kind (fragment))</summary>
        internal static readonly DiagnosticDescriptor InvalidFileTemplatesNotArray = Create("JSMS001", "JSMS001_TemplatesNotArray", DiagnosticSeverity.Error);

        /// <summary>JSMS001 (TemplateNotObject): "The SMS templates file is not valid: each entry of "templates" must be an object; got {0}" ({0}: a JSON kind (fragment))</summary>
        internal static readonly DiagnosticDescriptor InvalidFileTemplateNotObject = Create("JSMS001", "JSMS001_TemplateNotObject", DiagnosticSeverity.Error);

        /// <summary>JSMS002: "The template lacks "name"; no method is generated for it"</summary>
        public static readonly DiagnosticDescriptor InvalidValue = Create("JSMS002", "JSMS002_MissingName", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (NameNotAString): "\"name\" must be a string; got {0}; no method is generated for the template" ({0}: a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor NameNotAString = Create("JSMS002", "JSMS002_NameNotAString", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (NotAString): ""{0}" must be a string; got {1}" ({0}: the property; {1}: a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor ValueNotAString = Create("JSMS002", "JSMS002_NotAString", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (TemplateValueNotAString): ""{0}" of template '{1}' must be a string; got {2}" ({0}: the property; {1}: the template; {2}: a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor TemplateValueNotAString = Create("JSMS002", "JSMS002_TemplateValueNotAString", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (VariableValueNotAString): ""{0}" of variable '{1}' of template '{2}' must be a string; got {3}" ({0}: the property; {1}: the variable; {2}: the template; {3}: a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor VariableValueNotAString = Create("JSMS002", "JSMS002_VariableValueNotAString", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (MissingTplId): "Template '{0}' lacks "tplId"" ({0}: the template)</summary>
        internal static readonly DiagnosticDescriptor MissingTplId = Create("JSMS002", "JSMS002_MissingTplId", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (InvalidTplId): ""tplId" of template '{0}' must be a positive integer up to 2147483647; got {1}" ({0}: the template; {1}: the number as written, or a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor InvalidTplId = Create("JSMS002", "JSMS002_InvalidTplId", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (UnknownKind): "Unknown kind '{0}' of template '{1}': expected verification, notification or marketing" ({0}: the kind; {1}: the template)</summary>
        internal static readonly DiagnosticDescriptor UnknownKind = Create("JSMS002", "JSMS002_UnknownKind", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (MissingText): "Template '{0}' lacks "text"" ({0}: the template)</summary>
        internal static readonly DiagnosticDescriptor MissingText = Create("JSMS002", "JSMS002_MissingText", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (EmptyText): ""text" of template '{0}' is empty" ({0}: the template)</summary>
        internal static readonly DiagnosticDescriptor EmptyText = Create("JSMS002", "JSMS002_EmptyText", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (VariablesNotObject): ""variables" of template '{0}' must be an object; got {1}" ({0}: the template; {1}: a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor VariablesNotObject = Create("JSMS002", "JSMS002_VariablesNotObject", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (VariableNotObject): "The variable '{0}' of template '{1}' must be an object such as {{ "type": "int" }}; got {2}" ({0}: the variable; {1}: the template; {2}: a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor VariableNotObject = Create("JSMS002", "JSMS002_VariableNotObject", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (MaxLengthNotInteger): ""maxLength" of variable '{0}' of template '{1}' must be an integer; got {2}" ({0}: the variable; {1}: the template; {2}: the number as written, or a JSON kind)</summary>
        internal static readonly DiagnosticDescriptor MaxLengthNotInteger = Create("JSMS002", "JSMS002_MaxLengthNotInteger", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (InvalidNamespace): ""namespace" must be a C# namespace such as Contoso.Sms; got '{0}'" ({0}: the value)</summary>
        internal static readonly DiagnosticDescriptor InvalidNamespace = Create("JSMS002", "JSMS002_InvalidNamespace", DiagnosticSeverity.Error);

        /// <summary>JSMS002 (InvalidClassName): ""className" must be a C# class name such as SmsTemplates; got '{0}'" ({0}: the value)</summary>
        internal static readonly DiagnosticDescriptor InvalidClassName = Create("JSMS002", "JSMS002_InvalidClassName", DiagnosticSeverity.Error);

        /// <summary>JSMS003: "Another template already has the name '{0}'; no method is generated for this one" ({0}: the name)</summary>
        public static readonly DiagnosticDescriptor DuplicateTemplate = Create("JSMS003", "JSMS003_DuplicateName", DiagnosticSeverity.Error);

        /// <summary>JSMS003 (DuplicateTplId): "Another template already has the tplId {0}" ({0}: the tplId)</summary>
        internal static readonly DiagnosticDescriptor DuplicateTplId = Create("JSMS003", "JSMS003_DuplicateTplId", DiagnosticSeverity.Error);

        /// <summary>JSMS004: "The template name '{0}' is not a valid C# identifier (letters, digits and '_', not starting with a digit, not a keyword); no method is generated for it" ({0}: the name)</summary>
        public static readonly DiagnosticDescriptor InvalidTemplateName = Create("JSMS004", "JSMS004_NotAnIdentifier", DiagnosticSeverity.Error);

        /// <summary>JSMS004 (ClashesWithGeneratedName): "The template name '{0}' makes the class '{1}', which clashes with a generated member or class of that name; no method is generated for it" ({0}: the name; {1}: the class it makes)</summary>
        internal static readonly DiagnosticDescriptor TemplateNameClashes = Create("JSMS004", "JSMS004_ClashesWithGeneratedName", DiagnosticSeverity.Error);

        /// <summary>JSMS004 (SameMemberAsAnother): "The template name '{0}' makes the same C# member ({1} / {2}) as another template; no method is generated for this one" ({0}: the name; {1}: the class; {2}: the method)</summary>
        internal static readonly DiagnosticDescriptor TemplateNameSameMember = Create("JSMS004", "JSMS004_SameMemberAsAnother", DiagnosticSeverity.Error);

        /// <summary>JSMS005: "The placeholder '#{0}#' of template '{1}' has no entry in "variables"" ({0}: the placeholder; {1}: the template)</summary>
        public static readonly DiagnosticDescriptor UndeclaredPlaceholder = Create("JSMS005", "JSMS005_Message", DiagnosticSeverity.Error);

        /// <summary>JSMS006: "The variable '{0}' of template '{1}' has no '#{0}#' placeholder in the text; it is ignored" ({0}: the variable; {1}: the template)</summary>
        public static readonly DiagnosticDescriptor UnusedVariable = Create("JSMS006", "JSMS006_Message", DiagnosticSeverity.Warning);

        /// <summary>JSMS007: "The text of template '{0}' holds '{1}'; the brackets 【】 belong to the signature only" ({0}: the template; {1}: the bracket)</summary>
        public static readonly DiagnosticDescriptor InvalidPlaceholder = Create("JSMS007", "JSMS007_SignatureBracketInText", DiagnosticSeverity.Error);

        /// <summary>JSMS007 (UnbalancedHash): "The text of template '{0}' has an unbalanced '#': placeholders are written #name#" ({0}: the template)</summary>
        internal static readonly DiagnosticDescriptor UnbalancedHash = Create("JSMS007", "JSMS007_UnbalancedHash", DiagnosticSeverity.Error);

        /// <summary>JSMS007 (EmptyPlaceholderName): "The placeholder '#{0}#' of template '{1}' is empty" ({0}: the placeholder; {1}: the template)</summary>
        internal static readonly DiagnosticDescriptor EmptyPlaceholderName = Create("JSMS007", "JSMS007_EmptyPlaceholderName", DiagnosticSeverity.Error);

        /// <summary>JSMS007 (InvalidPlaceholderName): "The placeholder '#{0}#' of template '{1}' holds {2} (a variable name must not hold '#', '&amp;', '=' or whitespace)" ({0}: the placeholder; {1}: the template; {2}: the character (MessageArgument.Character, or the fragment whitespace))</summary>
        internal static readonly DiagnosticDescriptor InvalidPlaceholderName = Create("JSMS007", "JSMS007_InvalidPlaceholderName", DiagnosticSeverity.Error);

        /// <summary>JSMS007 (EmptyVariableName): "The variable name '{0}' of template '{1}' is empty" ({0}: the variable; {1}: the template)</summary>
        internal static readonly DiagnosticDescriptor EmptyVariableName = Create("JSMS007", "JSMS007_EmptyVariableName", DiagnosticSeverity.Error);

        /// <summary>JSMS007 (InvalidVariableName): "The variable name '{0}' of template '{1}' holds {2} (a variable name must not hold '#', '&amp;', '=' or whitespace)" ({0}: the variable; {1}: the template; {2}: the character, as for InvalidPlaceholderName)</summary>
        internal static readonly DiagnosticDescriptor InvalidVariableName = Create("JSMS007", "JSMS007_InvalidVariableName", DiagnosticSeverity.Error);

        /// <summary>JSMS008: "Template '{0}' can render to {1} characters with the signature, billed as {2} messages (one message holds 70)" ({0}: the template; {1}: characters; {2}: billed messages)</summary>
        public static readonly DiagnosticDescriptor MessageTooLong = Create("JSMS008", "JSMS008_Message", DiagnosticSeverity.Warning);

        /// <summary>JSMS008 (AtLeast): "Template '{0}' can render to at least {1} characters with the signature, billed as at least {2} messages (one message holds 70)" (as MessageTooLong, when a variable has no maxLength (the lengths are lower bounds))</summary>
        internal static readonly DiagnosticDescriptor MessageTooLongAtLeast = Create("JSMS008", "JSMS008_AtLeast", DiagnosticSeverity.Warning);

        /// <summary>JSMS009: "Marketing template '{0}' must end with '拒收请回复R'" ({0}: the template)</summary>
        public static readonly DiagnosticDescriptor MarketingSuffixMissing = Create("JSMS009", "JSMS009_Message", DiagnosticSeverity.Warning);

        /// <summary>JSMS010: "The variable '{0}' of template '{1}' does not make a C# parameter name; name one with "parameter"" ({0}: the variable; {1}: the template)</summary>
        public static readonly DiagnosticDescriptor InvalidVariableRule = Create("JSMS010", "JSMS010_NoParameterName", DiagnosticSeverity.Error);

        /// <summary>JSMS010 (UnknownType): "Unknown type '{0}' of variable '{1}' of template '{2}': expected string, int or long" ({0}: the type; {1}: the variable; {2}: the template)</summary>
        internal static readonly DiagnosticDescriptor UnknownVariableType = Create("JSMS010", "JSMS010_UnknownType", DiagnosticSeverity.Error);

        /// <summary>JSMS010 (InvalidPattern): "The pattern of variable '{0}' of template '{1}' is not a valid .NET regular expression: {2}" ({0}: the variable; {1}: the template; {2}: the regex parser's reason)</summary>
        internal static readonly DiagnosticDescriptor InvalidPattern = Create("JSMS010", "JSMS010_InvalidPattern", DiagnosticSeverity.Error);

        /// <summary>JSMS010 (MaxLengthTooSmall): ""maxLength" of variable '{0}' of template '{1}' must be at least 1; got {2}" ({0}: the variable; {1}: the template; {2}: the value)</summary>
        internal static readonly DiagnosticDescriptor MaxLengthTooSmall = Create("JSMS010", "JSMS010_MaxLengthTooSmall", DiagnosticSeverity.Error);

        /// <summary>JSMS010 (InvalidParameter): ""parameter" of variable '{0}' of template '{1}' must be a C# identifier; got '{2}'" ({0}: the variable; {1}: the template; {2}: the value)</summary>
        internal static readonly DiagnosticDescriptor InvalidParameterName = Create("JSMS010", "JSMS010_InvalidParameter", DiagnosticSeverity.Error);

        /// <summary>JSMS011: "JuheSms.Generators failed while generating code for this templates file ({0}: {1}); this is a bug in the generator, not a mistake in the file: please report it" ({0}: the exception type; {1}: its message)</summary>
        public static readonly DiagnosticDescriptor GeneratorFailure = Create("JSMS011", "JSMS011_EmitFailed", DiagnosticSeverity.Error);

        /// <summary>JSMS011 (ReadFailed): "JuheSms.Generators failed while reading this templates file ({0}: {1}); this is a bug in the generator, not a mistake in the file: please report it" ({0}: the exception type; {1}: its message)</summary>
        internal static readonly DiagnosticDescriptor ParserFailure = Create("JSMS011", "JSMS011_ReadFailed", DiagnosticSeverity.Error);

        /// <summary>JSMS101: "The value of variable '{0}' contains {1}; a template variable must not hold '#', '【', '】' or control characters" ({0}: the variable; {1}: the character (MessageArgument.Character))</summary>
        public static readonly DiagnosticDescriptor UnsafeVariableValue = Create("JSMS101", "JSMS101_Message", DiagnosticSeverity.Error);

        /// <summary>JSMS102: "The value {0} of variable '{1}' of template '{2}' does not match its pattern {3}" ({0}: the value, quoted; {1}: the variable; {2}: the template; {3}: the pattern)</summary>
        public static readonly DiagnosticDescriptor VariableRuleViolated = Create("JSMS102", "JSMS102_PatternMismatch", DiagnosticSeverity.Error);

        /// <summary>JSMS102 (NotAnInt): "The value {0} of variable '{1}' of template '{2}' is not an int" ({0}: the value, quoted; {1}: the variable; {2}: the template)</summary>
        internal static readonly DiagnosticDescriptor ValueNotAnInt = Create("JSMS102", "JSMS102_NotAnInt", DiagnosticSeverity.Error);

        /// <summary>JSMS102 (NotALong): "The value {0} of variable '{1}' of template '{2}' is not a long" (as NotAnInt)</summary>
        internal static readonly DiagnosticDescriptor ValueNotALong = Create("JSMS102", "JSMS102_NotALong", DiagnosticSeverity.Error);

        /// <summary>JSMS102 (OutOfIntRange): "The value {0} of variable '{1}' of template '{2}' is out of the range of an int" (as NotAnInt)</summary>
        internal static readonly DiagnosticDescriptor ValueOutOfIntRange = Create("JSMS102", "JSMS102_OutOfIntRange", DiagnosticSeverity.Error);

        /// <summary>JSMS102 (TooLong): "The value {0} of variable '{1}' of template '{2}' is {3} characters long, more than its maxLength {4}" ({0}-{2} as NotAnInt; {3}: its length; {4}: the maxLength)</summary>
        internal static readonly DiagnosticDescriptor ValueTooLong = Create("JSMS102", "JSMS102_TooLong", DiagnosticSeverity.Error);

        /// <summary>JSMS103: "'{0}' is not a mainland China mobile number (11 digits starting 1[3-9]; +86, spaces and dashes allowed)" ({0}: the number)</summary>
        public static readonly DiagnosticDescriptor InvalidMobile = Create("JSMS103", "JSMS103_Message", DiagnosticSeverity.Warning);

        /// <summary>JSMS104: "Template '{0}' (tpl_id {1}) needs the variable '{2}', which the variables do not give" ({0}: the template; {1}: its tpl_id; {2}: the variable)</summary>
        public static readonly DiagnosticDescriptor MissingVariable = Create("JSMS104", "JSMS104_Message", DiagnosticSeverity.Error);

        /// <summary>JSMS105: "Template '{0}' (tpl_id {1}) has no variable '{2}'" ({0}: the template; {1}: its tpl_id; {2}: the variable)</summary>
        public static readonly DiagnosticDescriptor UnknownTemplateOrVariable = Create("JSMS105", "JSMS105_UnknownVariable", DiagnosticSeverity.Warning);

        /// <summary>JSMS105 (UnknownTplId): "tpl_id {0} is in no templates file" ({0}: the tpl_id)</summary>
        internal static readonly DiagnosticDescriptor UnknownTplId = Create("JSMS105", "JSMS105_UnknownTplId", DiagnosticSeverity.Warning);

        /// <summary>JSMS106: "Template '{0}' has a typed method: use {1}.{2}" ({0}: the template; {1}: the generated class; {2}: the method)</summary>
        public static readonly DiagnosticDescriptor UseTypedMethod = Create("JSMS106", "JSMS106_Message", DiagnosticSeverity.Info);

        /// <summary>JSMS107: "The ext '{0}' is not 1 to 9 digits" ({0}: the ext)</summary>
        public static readonly DiagnosticDescriptor InvalidExt = Create("JSMS107", "JSMS107_Message", DiagnosticSeverity.Error);

        /// <summary>JSMS108: "Marketing template '{0}' is sent to a single number: the provider's rule 4 wants marketing in batches (China Mobile: 20 or more numbers); send it with SendManyAsync" ({0}: the template)</summary>
        public static readonly DiagnosticDescriptor MarketingSentSingly = Create("JSMS108", "JSMS108_Message", DiagnosticSeverity.Warning);

        /// <summary>The rule (first descriptor) of <paramref name="id"/>.</summary>
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
                case "JSMS011": return GeneratorFailure;
                case "JSMS101": return UnsafeVariableValue;
                case "JSMS102": return VariableRuleViolated;
                case "JSMS103": return InvalidMobile;
                case "JSMS104": return MissingVariable;
                case "JSMS105": return UnknownTemplateOrVariable;
                case "JSMS106": return UseTypedMethod;
                case "JSMS107": return InvalidExt;
                case "JSMS108": return MarketingSentSingly;
                default: throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id.");
            }
        }

        private static DiagnosticDescriptor Create(string id, string messageName, DiagnosticSeverity severity)
            => new DiagnosticDescriptor(
                id,
                DiagnosticMessages.Get(id + "_Title"),
                DiagnosticMessages.Get(messageName),
                Category,
                severity,
                isEnabledByDefault: true,
                description: DiagnosticMessages.Get(id + "_Description"),
                helpLinkUri: HelpLink(id));
    }
}
