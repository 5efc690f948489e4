using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;
using JuheSms.Internal;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// Turns the text of a templates file into a <see cref="TemplatesFileSpec"/> and JSMS001-JSMS010 diagnostics located in
    /// the file. Never throws for any input (except on cancellation): a template with errors is left out, the others are kept.
    /// Shared by the generator and the call-site analyzers (parse once per file, reuse the model).
    /// </summary>
    internal static class TemplatesParser
    {
        /// <summary>The members every generated template class has; a template name must not make one of them.</summary>
        public static readonly IReadOnlyList<string> TemplateMemberNames = new[]
        {
            "TplId", "Text", "Signature", "Kind", "VariableNames", "Render", "CreateMessage",
        };

        /// <summary>The parameters of every send method; a variable's parameter is renamed (suffix "Value") to avoid them.</summary>
        public static readonly IReadOnlyList<string> FixedParameterNames = new[] { "client", "mobile", "ext", "cancellationToken" };

        /// <summary>The names a variable's parameter must not take: <see cref="FixedParameterNames"/> and <see cref="TemplateMemberNames"/>.</summary>
        private static readonly HashSet<string> ReservedNames = new HashSet<string>(Concat(FixedParameterNames, TemplateMemberNames), StringComparer.Ordinal);

        private static readonly char[] SignatureBrackets = { SmsRules.SignatureOpen, SmsRules.SignatureClose };

        /// <summary>Parses one templates file. <paramref name="filePath"/> is only used for diagnostic locations.</summary>
        public static TemplatesParseResult Parse(string filePath, string text, CancellationToken cancellationToken = default)
            => Parse(filePath, text, streaming: true, cancellationToken);

        /// <summary>
        /// Parses one templates file. Streaming, each template is checked as soon as the reader has it, so a large file's
        /// JSON tree is never alive all at once (what made a 10,000-template file cost far more than ten 1,000-template
        /// ones: the garbage collector moving the tree). When the file's settings turn out to differ from the ones the
        /// templates were checked with (a "signature" or "className" after "templates"), or anything unexpected happens,
        /// the file is parsed again from the whole tree, which is also the reference the tests hold the streaming path to.
        /// </summary>
        internal static TemplatesParseResult Parse(string filePath, string text, bool streaming, CancellationToken cancellationToken)
        {
            if (streaming && TryParse(filePath, text, streaming: true, cancellationToken) is TemplatesParseResult streamed)
            {
                return streamed;
            }

            return TryParse(filePath, text, streaming: false, cancellationToken)!;
        }

        /// <summary>The result, or null when a streaming parse must start again from the whole tree.</summary>
        private static TemplatesParseResult? TryParse(string filePath, string text, bool streaming, CancellationToken cancellationToken)
        {
            var context = new ParseContext(new SourceMap(filePath, text ?? string.Empty));
            TemplatesFileSpec? file;
            try
            {
                file = ParseFile(context, streaming, out bool restart, cancellationToken);
                if (restart)
                {
                    return null;
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception) when (streaming)
            {
                return null;
            }
            catch (Exception ex)
            {
                // Last resort: a bug here must become a diagnostic, never AD0001/CS8785 in the user's build.
                context.ReportFile(context.Map.Span(0, 0), "unexpected " + ex.GetType().Name + " while reading it: " + ex.Message);
                file = null;
            }

            return new TemplatesParseResult(file, context.Diagnostics.ToEquatableArray());
        }

        private static TemplatesFileSpec? ParseFile(ParseContext context, bool streaming, out bool restart, CancellationToken cancellationToken)
        {
            restart = false;

            // The templates are checked into their own set (and diagnostics), added after the file's settings, as a
            // tree-first parse orders them. Streaming, they are checked with the settings read before "templates".
            var set = new TemplateSet(new ParseContext(context.Map));
            Action<JsonNode, JsonNode>? sink = null;
            if (streaming)
            {
                sink = (partialRoot, item) =>
                {
                    if (!set.Started)
                    {
                        set.Start(SignatureOf(partialRoot), ClassNameOf(partialRoot));
                    }

                    AddTemplate(set, item, cancellationToken);
                };
            }

            JsonNode? root = JsonTreeReader.Read(context.Map, context, cancellationToken, sink);
            if (root is null)
            {
                return null;
            }

            if (root.Kind != JsonNodeKind.Object)
            {
                context.ReportFile(context.SpanOf(root), "the root is " + root.KindName + "; expected an object with a \"templates\" array");
                return null;
            }

            int errorsBefore = context.ErrorCount;
            string? ns = OptionalCSharpName(context, root, "namespace", CSharpNames.IsValidNamespace, "a C# namespace such as Contoso.Sms");

            // The values come from the same functions the streaming sink uses; these calls only report what is wrong.
            _ = OptionalCSharpName(context, root, "className", CSharpNames.IsPlainIdentifier, "a C# class name such as SmsTemplates");
            if (Optional(root, "signature") is JsonNode signatureNode)
            {
                _ = ExpectString(context, signatureNode, "signature");
            }

            string className = ClassNameOf(root);
            string signature = SignatureOf(root);

            JsonMember? templatesMember = root.Find("templates");
            if (templatesMember is null)
            {
                context.ReportFile(context.SpanOf(root), "the root object has no \"templates\" array");
                return null;
            }

            if (templatesMember.Value.Kind != JsonNodeKind.Array)
            {
                context.ReportFile(context.SpanOf(templatesMember.Value), "\"templates\" must be an array; got " + templatesMember.Value.KindName);
                return null;
            }

            bool fileSettingsValid = context.ErrorCount == errorsBefore;
            if (templatesMember.Value.Streamed)
            {
                if (set.Started && (!string.Equals(set.Signature, signature, StringComparison.Ordinal) || !string.Equals(set.ClassName, className, StringComparison.Ordinal)))
                {
                    restart = true;
                    return null;
                }
            }
            else
            {
                set.Start(signature, className);
                foreach (JsonNode item in templatesMember.Value.Items)
                {
                    AddTemplate(set, item, cancellationToken);
                }
            }

            context.Add(set.Context.Diagnostics);
            if (!fileSettingsValid)
            {
                return null;
            }

            return new TemplatesFileSpec(context.Map.FilePath, ns, className, signature, set.Templates.ToEquatableArray());
        }

        /// <summary>The file's signature: a string value, else none (what is wrong is reported by <see cref="ParseFile"/>).</summary>
        private static string SignatureOf(JsonNode root)
            => Optional(root, "signature") is JsonNode node && node.Kind == JsonNodeKind.String ? node.StringValue ?? string.Empty : string.Empty;

        /// <summary>The file's class name: a valid identifier, else the default (what is wrong is reported by <see cref="ParseFile"/>).</summary>
        private static string ClassNameOf(JsonNode root)
            => Optional(root, "className") is JsonNode node && node.Kind == JsonNodeKind.String && CSharpNames.IsPlainIdentifier(node.StringValue ?? string.Empty)
                ? node.StringValue!
                : TemplatesFileOptions.DefaultClassName;

        /// <summary>Checks one entry of "templates" and adds it to <paramref name="set"/> unless it is invalid or repeats another.</summary>
        private static void AddTemplate(TemplateSet set, JsonNode item, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParseContext context = set.Context;
            if (item.Kind != JsonNodeKind.Object)
            {
                context.ReportFile(context.SpanOf(item), "each entry of \"templates\" must be an object; got " + item.KindName);
                return;
            }

            TemplateSpec? template = ParseTemplate(context, item, set.Signature, set.ClassName, cancellationToken);
            if (template is null)
            {
                return;
            }

            if (!set.Names.Add(template.Name))
            {
                context.Report(DiagnosticDescriptors.DuplicateTemplate, template.NameSpan, "name", "'" + template.Name + "'");
                return;
            }

            if (!set.Ids.Add(template.TplId))
            {
                context.Report(DiagnosticDescriptors.DuplicateTemplate, template.TplIdSpan, "tplId", CSharpNames.Invariant(template.TplId));
                return;
            }

            if (set.Members.Contains(template.TypeName) || set.Members.Contains(template.MethodName))
            {
                context.Report(
                    DiagnosticDescriptors.InvalidTemplateName,
                    template.NameSpan,
                    template.Name,
                    "makes the same C# member (" + template.TypeName + " / " + template.MethodName + ") as another template");
                return;
            }

            set.Members.Add(template.TypeName);
            set.Members.Add(template.MethodName);
            set.Templates.Add(template);
        }

        private static TemplateSpec? ParseTemplate(ParseContext context, JsonNode item, string signature, string className, CancellationToken cancellationToken)
        {
            int errorsBefore = context.ErrorCount;
            FileSpan ItemSpan() => context.SpanOf(item); // spans are only worked out when used

            // name
            string? name = null;
            string display = "(unnamed)";
            FileSpan nameSpan = default; // set with the name; a template without a valid name is not returned
            string typeName = string.Empty;
            JsonNode? nameNode = Optional(item, "name");
            if (nameNode is null)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, ItemSpan(), "The template lacks \"name\"");
            }
            else if (ExpectString(context, nameNode, "name") is string nameText)
            {
                name = nameText;
                display = nameText;
                nameSpan = context.SpanOf(nameNode);
                typeName = CSharpNames.ToPascal(nameText);
                if (!CSharpNames.IsPlainIdentifier(typeName))
                {
                    context.Report(DiagnosticDescriptors.InvalidTemplateName, nameSpan, nameText, "is not a valid C# identifier (letters, digits and '_', not starting with a digit, not a keyword)");
                }
                else if (Contains(TemplateMemberNames, typeName) || string.Equals(typeName, className, StringComparison.Ordinal))
                {
                    context.Report(DiagnosticDescriptors.InvalidTemplateName, nameSpan, nameText, "makes the class '" + typeName + "', which clashes with a generated member or class of that name");
                }
            }

            // tplId
            int tplId = 0;
            FileSpan tplIdSpan = default; // likewise
            JsonNode? idNode = Optional(item, "tplId");
            if (idNode is null)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, ItemSpan(), "Template '" + display + "' lacks \"tplId\"");
            }
            else
            {
                tplIdSpan = context.SpanOf(idNode);
                if (!TryGetInt(idNode, out tplId) || tplId <= 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, tplIdSpan, "\"tplId\" of template '" + display + "' must be a positive integer up to 2147483647; got " + Describe(idNode));
                }
            }

            // kind
            var kind = TemplateKind.Notification;
            JsonNode? kindNode = Optional(item, "kind");
            if (kindNode is not null && ExpectString(context, kindNode, "kind", display) is string kindText)
            {
                if (!TryParseKind(kindText, out kind))
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, context.SpanOf(kindNode), "Unknown kind '" + kindText + "' of template '" + display + "': expected verification, notification or marketing");
                }
            }

            // text
            string? text = null;
            JsonNode? textNode = Optional(item, "text");
            if (textNode is null)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, ItemSpan(), "Template '" + display + "' lacks \"text\"");
            }
            else if (ExpectString(context, textNode, "text", display) is string textValue)
            {
                if (textValue.Length == 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, context.SpanOf(textNode), "\"text\" of template '" + display + "' is empty");
                }
                else
                {
                    text = textValue;
                }
            }

            PlaceholderScan? scan = null;
            if (text is not null && textNode is not null)
            {
                scan = CheckText(context, textNode, text, display);
            }

            // variables
            Dictionary<string, VariableRule>? rules = null;
            JsonNode? variablesNode = Optional(item, "variables");
            if (variablesNode is not null)
            {
                if (variablesNode.Kind != JsonNodeKind.Object)
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, context.SpanOf(variablesNode), "\"variables\" of template '" + display + "' must be an object; got " + variablesNode.KindName);
                }
                else
                {
                    rules = new Dictionary<string, VariableRule>(StringComparer.Ordinal);
                    foreach (JsonMember member in variablesNode.Members)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        VariableRule? rule = ParseVariableRule(context, member, display);
                        if (rule is not null)
                        {
                            rules[member.Name] = rule;
                        }
                    }
                }
            }

            var variables = new List<VariableSpec>();
            if (scan is not null && textNode is not null)
            {
                variables = BuildVariables(context, textNode, scan, rules, variablesNode, display, typeName);
            }

            if (context.ErrorCount != errorsBefore || name is null || text is null)
            {
                return null;
            }

            // Warnings on an otherwise valid template.
            RenderedLength rendered = RenderedLength.Of(signature, text, scan!.Placeholders, variables);
            if (rendered.Length > SmsRules.SingleMessageLength)
            {
                context.Report(
                    DiagnosticDescriptors.MessageTooLong,
                    context.SpanOf(textNode!),
                    display,
                    rendered.IsLowerBound ? "at least " : string.Empty,
                    CSharpNames.Invariant(rendered.Length),
                    CSharpNames.Invariant(SmsRules.CountSegments(rendered.Length)));
            }

            if (kind == TemplateKind.Marketing && !text.EndsWith(SmsRules.MarketingSuffix, StringComparison.Ordinal))
            {
                context.Report(DiagnosticDescriptors.MarketingSuffixMissing, context.SpanOf(textNode!), display);
            }

            return new TemplateSpec(name, typeName, "Send" + typeName + "Async", tplId, kind, text, variables.ToEquatableArray(), tplIdSpan, nameSpan);
        }

        /// <summary>Checks the signature brackets and the placeholders; null when placeholders cannot be trusted (unbalanced).</summary>
        private static PlaceholderScan? CheckText(ParseContext context, JsonNode textNode, string text, string display)
        {
            int bracket = text.IndexOfAny(SignatureBrackets);
            if (bracket >= 0)
            {
                context.Report(
                    DiagnosticDescriptors.InvalidPlaceholder,
                    context.SpanInString(textNode, bracket, bracket + 1),
                    "The text of template '" + display + "' holds '" + text[bracket] + "'; the brackets 【】 belong to the signature only");
            }

            PlaceholderScan scan = Placeholders.Scan(text);
            if (scan.UnbalancedIndex >= 0)
            {
                context.Report(
                    DiagnosticDescriptors.InvalidPlaceholder,
                    context.SpanInString(textNode, scan.UnbalancedIndex, scan.UnbalancedIndex + 1),
                    "The text of template '" + display + "' has an unbalanced '#': placeholders are written #name#");
                return null;
            }

            bool namesValid = true;
            foreach (Placeholder placeholder in scan.Placeholders)
            {
                string? reason = Placeholders.DescribeInvalidName(placeholder.Name);
                if (reason is not null)
                {
                    namesValid = false;
                    context.Report(
                        DiagnosticDescriptors.InvalidPlaceholder,
                        context.SpanInString(textNode, placeholder.Start, placeholder.End),
                        "The placeholder '#" + placeholder.Name + "#' of template '" + display + "' " + reason);
                }
            }

            return namesValid ? scan : null;
        }

        private static List<VariableSpec> BuildVariables(
            ParseContext context,
            JsonNode textNode,
            PlaceholderScan scan,
            Dictionary<string, VariableRule>? rules,
            JsonNode? variablesNode,
            string display,
            string typeName)
        {
            var variables = new List<VariableSpec>();

            // The parameter names taken so far besides the fixed parameters and generated members (ReservedNames).
            var used = new List<string> { typeName };

            HashSet<string>? reported = null;
            foreach (Placeholder placeholder in scan.Placeholders)
            {
                if (rules is not null && !rules.ContainsKey(placeholder.Name) && !IsDeclared(variablesNode, placeholder.Name)
                    && (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(placeholder.Name))
                {
                    context.Report(
                        DiagnosticDescriptors.UndeclaredPlaceholder,
                        context.SpanInString(textNode, placeholder.Start, placeholder.End),
                        placeholder.Name,
                        display);
                }
            }

            var names = scan.DistinctNames;
            if (variablesNode is not null && variablesNode.Kind == JsonNodeKind.Object)
            {
                foreach (JsonMember member in variablesNode.Members)
                {
                    if (!names.Contains(member.Name) && Placeholders.DescribeInvalidName(member.Name) is null)
                    {
                        context.Report(DiagnosticDescriptors.UnusedVariable, context.NameSpanOf(member), member.Name, display);
                    }
                }
            }

            foreach (string name in names)
            {
                VariableRule rule;
                if (rules is null)
                {
                    rule = VariableRule.Default;
                }
                else if (!rules.TryGetValue(name, out rule!))
                {
                    continue;
                }

                string? parameter = rule.Parameter ?? CSharpNames.ToParameterName(name);
                if (parameter is null)
                {
                    FileSpan at = rule.Member is JsonMember declared
                        ? context.NameSpanOf(declared)
                        : context.SpanInString(textNode, FirstIndex(scan, name), FirstIndex(scan, name) + name.Length + 2);
                    context.Report(
                        DiagnosticDescriptors.InvalidVariableRule,
                        at,
                        "The variable '" + name + "' of template '" + display + "' does not make a C# parameter name; name one with \"parameter\"");
                    continue;
                }

                // A variable named like a fixed parameter or a generated member gets a suffix: "mobile" -> "mobileValue".
                string unique = parameter;
                for (int n = 1; IsTaken(used, CSharpNames.Unescape(unique)); n++)
                {
                    unique = CSharpNames.Unescape(parameter) + "Value" + (n == 1 ? string.Empty : CSharpNames.Invariant(n));
                }

                used.Add(CSharpNames.Unescape(unique));
                variables.Add(new VariableSpec(name, unique, rule.Type, rule.Pattern, rule.MaxLength, rule.Description));
            }

            return variables;
        }

        private static bool IsTaken(List<string> used, string name)
            => ReservedNames.Contains(name) || used.Contains(name);

        private static bool IsDeclared(JsonNode? variablesNode, string name) => variablesNode?.Find(name) is not null;

        private static int FirstIndex(PlaceholderScan scan, string name)
        {
            foreach (Placeholder placeholder in scan.Placeholders)
            {
                if (placeholder.Name == name)
                {
                    return placeholder.Start;
                }
            }

            return 0;
        }

        private static VariableRule? ParseVariableRule(ParseContext context, JsonMember member, string display)
        {
            int errorsBefore = context.ErrorCount;
            string What() => Subject(display, member.Name); // only built for a message
            string? reason = Placeholders.DescribeInvalidName(member.Name);
            if (reason is not null)
            {
                context.Report(DiagnosticDescriptors.InvalidPlaceholder, context.NameSpanOf(member), "The variable name '" + member.Name + "' of template '" + display + "' " + reason);
            }

            JsonNode value = member.Value;
            if (value.Kind != JsonNodeKind.Object)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.SpanOf(value), "The " + What() + " must be an object such as { \"type\": \"int\" }; got " + value.KindName);
                return null;
            }

            var type = VariableType.String;
            JsonNode? typeNode = Optional(value, "type");
            if (typeNode is not null && ExpectString(context, typeNode, "type", display, member.Name) is string typeText)
            {
                switch (typeText)
                {
                    case "string": type = VariableType.String; break;
                    case "int": type = VariableType.Int; break;
                    case "long": type = VariableType.Long; break;
                    default:
                        context.Report(DiagnosticDescriptors.InvalidVariableRule, context.SpanOf(typeNode), "Unknown type '" + typeText + "' of " + What() + ": expected string, int or long");
                        break;
                }
            }

            string? pattern = null;
            JsonNode? patternNode = Optional(value, "pattern");
            if (patternNode is not null && ExpectString(context, patternNode, "pattern", display, member.Name) is string patternText)
            {
                string? patternError = context.PatternError(patternText);
                if (patternError is null)
                {
                    pattern = patternText;
                }
                else
                {
                    context.Report(DiagnosticDescriptors.InvalidVariableRule, context.SpanOf(patternNode), "The pattern of " + What() + " is not a valid .NET regular expression: " + patternError);
                }
            }

            int? maxLength = null;
            JsonNode? maxNode = Optional(value, "maxLength");
            if (maxNode is not null)
            {
                if (!TryGetInt(maxNode, out int max))
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, context.SpanOf(maxNode), "\"maxLength\" of " + What() + " must be an integer; got " + Describe(maxNode));
                }
                else if (max < 1)
                {
                    context.Report(DiagnosticDescriptors.InvalidVariableRule, context.SpanOf(maxNode), "\"maxLength\" of " + What() + " must be at least 1; got " + CSharpNames.Invariant(max));
                }
                else
                {
                    maxLength = max;
                }
            }

            string? description = null;
            JsonNode? descriptionNode = Optional(value, "description");
            if (descriptionNode is not null)
            {
                description = ExpectString(context, descriptionNode, "description", display, member.Name);
            }

            string? parameter = null;
            JsonNode? parameterNode = Optional(value, "parameter");
            if (parameterNode is not null && ExpectString(context, parameterNode, "parameter", display, member.Name) is string parameterText)
            {
                string bare = CSharpNames.Unescape(parameterText);
                if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(bare))
                {
                    parameter = CSharpNames.EscapeKeyword(bare);
                }
                else
                {
                    context.Report(DiagnosticDescriptors.InvalidVariableRule, context.SpanOf(parameterNode), "\"parameter\" of " + What() + " must be a C# identifier; got '" + parameterText + "'");
                }
            }

            if (context.ErrorCount != errorsBefore)
            {
                return null;
            }

            return new VariableRule(type, pattern, maxLength, description, parameter, member);
        }

        /// <summary>An optional string property that must pass <paramref name="isValid"/>; null when absent or invalid (JSMS002).</summary>
        private static string? OptionalCSharpName(ParseContext context, JsonNode obj, string property, Func<string, bool> isValid, string expected)
        {
            JsonNode? node = Optional(obj, property);
            if (node is null || !(ExpectString(context, node, property) is string text))
            {
                return null;
            }

            if (isValid(text))
            {
                return text;
            }

            context.Report(DiagnosticDescriptors.InvalidValue, context.SpanOf(node), "\"" + property + "\" must be " + expected + "; got '" + text + "'");
            return null;
        }

        /// <summary>The value of an optional property; null when absent or JSON null.</summary>
        private static JsonNode? Optional(JsonNode obj, string name)
        {
            JsonNode? value = obj.Find(name)?.Value;
            return value is null || value.Kind == JsonNodeKind.Null ? null : value;
        }

        /// <summary>
        /// The value of a string property; else JSMS002 "\"<paramref name="property"/>\" [of template 't' | of variable 'v' of
        /// template 't'] must be a string" and null. The message is only built when reported.
        /// </summary>
        private static string? ExpectString(ParseContext context, JsonNode node, string property, string? template = null, string? variable = null)
        {
            if (node.Kind == JsonNodeKind.String)
            {
                return node.StringValue ?? string.Empty;
            }

            string what = "\"" + property + "\"" + (template is null ? string.Empty : " of " + Subject(template, variable));
            context.Report(DiagnosticDescriptors.InvalidValue, context.SpanOf(node), what + " must be a string; got " + node.KindName);
            return null;
        }

        /// <summary>"template 't'", or "variable 'v' of template 't'" when <paramref name="variable"/> is given.</summary>
        private static string Subject(string template, string? variable)
            => variable is null ? "template '" + template + "'" : "variable '" + variable + "' of template '" + template + "'";

        private static bool TryGetInt(JsonNode node, out int value)
        {
            value = 0;
            return node.Kind == JsonNodeKind.Number
                && int.TryParse(node.NumberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        private static string Describe(JsonNode node)
        {
            if (node.Kind == JsonNodeKind.Number && node.NumberText is string number)
            {
                return number.Length > 40 ? number.Substring(0, 40) + "..." : number;
            }

            return node.Kind == JsonNodeKind.String ? "a string" : node.KindName;
        }

        private static bool TryParseKind(string text, out TemplateKind kind)
        {
            switch (text)
            {
                case "verification": kind = TemplateKind.Verification; return true;
                case "notification": kind = TemplateKind.Notification; return true;
                case "marketing": kind = TemplateKind.Marketing; return true;
                default: kind = TemplateKind.Notification; return false;
            }
        }

        private static IEnumerable<string> Concat(IReadOnlyList<string> first, IReadOnlyList<string> second)
        {
            foreach (string item in first)
            {
                yield return item;
            }

            foreach (string item in second)
            {
                yield return item;
            }
        }

        private static bool Contains(IReadOnlyList<string> list, string value)
        {
            foreach (string item in list)
            {
                if (string.Equals(item, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A variable's rules as read from <c>variables</c>, before it is matched with the text.</summary>
        private sealed class VariableRule
        {
            public static readonly VariableRule Default = new VariableRule(VariableType.String, null, null, null, null, null);

            public VariableRule(VariableType type, string? pattern, int? maxLength, string? description, string? parameter, JsonMember? member)
            {
                Type = type;
                Pattern = pattern;
                MaxLength = maxLength;
                Description = description;
                Parameter = parameter;
                Member = member;
            }

            public VariableType Type { get; }

            public string? Pattern { get; }

            public int? MaxLength { get; }

            public string? Description { get; }

            public string? Parameter { get; }

            /// <summary>The declaration in <c>variables</c> (its name locates JSMS errors); null for an undeclared variable's default rule.</summary>
            public JsonMember? Member { get; }
        }
    }
}
