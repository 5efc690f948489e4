using System;
using System.Collections.Generic;
using System.Threading;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;
using JuheSms.Internal;
using static JuheSms.Generators.Parsing.JsonValues;

namespace JuheSms.Generators.Parsing
{
    /// <summary>What checking one entry of <c>templates</c> gives: the template, or null when an error makes it unusable.</summary>
    internal readonly struct CheckedTemplate
    {
        public CheckedTemplate(TemplateSpec? template)
        {
            Template = template;
        }

        /// <summary>The template to generate; null when the entry has an error (which was reported).</summary>
        public TemplateSpec? Template { get; }

        public bool IsUsable => Template is not null;
    }

    /// <summary>
    /// The checks of one template on its own (JSMS002, JSMS004-JSMS010): its properties, its text and placeholders, its
    /// variables and their rules, and the warnings on a usable template (length, marketing suffix). What a template may
    /// not share with the others (JSMS003, JSMS004 for the same member) is <see cref="TemplateSet"/>'s.
    /// </summary>
    internal static class TemplateChecks
    {
        private static readonly char[] SignatureBrackets = { SmsRules.SignatureOpen, SmsRules.SignatureClose };

        public static CheckedTemplate Check(ParseContext context, JsonNode item, FileSettings settings, CancellationToken cancellationToken)
        {
            var scope = new CheckScope(context);
            FileSpan ItemSpan() => context.SpanOf(item); // spans are only worked out when used

            // name
            string? name = null;
            MessageArgument display = MessageArgument.Fragment("Unnamed");
            FileSpan nameSpan = default; // set with the name; a template without a valid name is not returned
            string typeName = string.Empty;
            JsonNode? nameNode = Optional(item, "name");
            if (nameNode is null)
            {
                scope.Report(DiagnosticDescriptors.InvalidValue, ItemSpan());
            }
            else if (ExpectString(scope, nameNode, "name") is string nameText)
            {
                name = nameText;
                display = nameText;
                nameSpan = context.SpanOf(nameNode);
                typeName = GeneratedNames.TypeName(nameText);
                if (!CSharpNames.IsPlainIdentifier(typeName))
                {
                    scope.Report(DiagnosticDescriptors.InvalidTemplateName, nameSpan, nameText);
                }
                else if (GeneratedNames.ClashesWithGeneratedName(typeName, settings.ClassName))
                {
                    scope.Report(DiagnosticDescriptors.TemplateNameClashes, nameSpan, nameText, typeName);
                }
            }

            // tplId
            int tplId = 0;
            FileSpan tplIdSpan = default; // likewise
            JsonNode? idNode = Optional(item, "tplId");
            if (idNode is null)
            {
                scope.Report(DiagnosticDescriptors.MissingTplId, ItemSpan(), display);
            }
            else
            {
                tplIdSpan = context.SpanOf(idNode);
                if (!TryGetInt(idNode, out tplId) || tplId <= 0)
                {
                    scope.Report(DiagnosticDescriptors.InvalidTplId, tplIdSpan, display, Describe(idNode));
                }
            }

            // kind
            var kind = TemplateKind.Notification;
            JsonNode? kindNode = Optional(item, "kind");
            if (kindNode is not null && ExpectString(scope, kindNode, "kind", display) is string kindText)
            {
                if (!TryParseKind(kindText, out kind))
                {
                    scope.Report(DiagnosticDescriptors.UnknownKind, context.SpanOf(kindNode), kindText, display);
                }
            }

            // text
            string? text = null;
            JsonNode? textNode = Optional(item, "text");
            if (textNode is null)
            {
                scope.Report(DiagnosticDescriptors.MissingText, ItemSpan(), display);
            }
            else if (ExpectString(scope, textNode, "text", display) is string textValue)
            {
                if (textValue.Length == 0)
                {
                    scope.Report(DiagnosticDescriptors.EmptyText, context.SpanOf(textNode), display);
                }
                else
                {
                    text = textValue;
                }
            }

            PlaceholderScan? scan = null;
            if (text is not null && textNode is not null)
            {
                scan = CheckText(scope, textNode, text, display);
            }

            // variables
            Dictionary<string, VariableRule>? rules = null;
            JsonNode? variablesNode = Optional(item, "variables");
            if (variablesNode is not null)
            {
                if (variablesNode.Kind != JsonNodeKind.Object)
                {
                    scope.Report(DiagnosticDescriptors.VariablesNotObject, context.SpanOf(variablesNode), display, variablesNode.KindName);
                }
                else
                {
                    rules = new Dictionary<string, VariableRule>(StringComparer.Ordinal);
                    foreach (JsonMember member in variablesNode.Members)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        VariableRule? rule = VariableRule.Read(scope, member, display);
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
                variables = BuildVariables(scope, textNode, scan, rules, variablesNode, display, typeName);
            }

            if (scope.HasErrors || name is null || text is null)
            {
                return default;
            }

            // Warnings on a usable template.
            RenderedLength rendered = RenderedLength.Of(settings.Signature, text, scan!.Placeholders, variables);
            if (rendered.Length > SmsRules.SingleMessageLength)
            {
                scope.Report(
                    rendered.IsLowerBound ? DiagnosticDescriptors.MessageTooLongAtLeast : DiagnosticDescriptors.MessageTooLong,
                    context.SpanOf(textNode!),
                    display,
                    CSharpNames.Invariant(rendered.Length),
                    CSharpNames.Invariant(SmsRules.CountSegments(rendered.Length)));
            }

            if (kind == TemplateKind.Marketing && !text.EndsWith(SmsRules.MarketingSuffix, StringComparison.Ordinal))
            {
                scope.Report(DiagnosticDescriptors.MarketingSuffixMissing, context.SpanOf(textNode!), display);
            }

            return new CheckedTemplate(new TemplateSpec(
                name, typeName, GeneratedNames.MethodName(typeName), tplId, kind, text, variables.ToEquatableArray(), tplIdSpan, nameSpan));
        }

        /// <summary>Checks the signature brackets and the placeholders; null when placeholders cannot be trusted (unbalanced, a bad name).</summary>
        private static PlaceholderScan? CheckText(CheckScope scope, JsonNode textNode, string text, MessageArgument display)
        {
            ParseContext context = scope.Context;
            int bracket = text.IndexOfAny(SignatureBrackets);
            if (bracket >= 0)
            {
                scope.Report(
                    DiagnosticDescriptors.InvalidPlaceholder,
                    context.SpanInString(textNode, bracket, bracket + 1),
                    display,
                    text[bracket].ToString());
            }

            PlaceholderScan scan = Placeholders.Scan(text);
            if (scan.UnbalancedIndex >= 0)
            {
                scope.Report(
                    DiagnosticDescriptors.UnbalancedHash,
                    context.SpanInString(textNode, scan.UnbalancedIndex, scan.UnbalancedIndex + 1),
                    display);
                return null;
            }

            bool namesValid = true;
            foreach (Placeholder placeholder in scan.Placeholders)
            {
                if (Placeholders.IsInvalidName(placeholder.Name, out bool isEmpty, out MessageArgument character))
                {
                    namesValid = false;
                    FileSpan at = context.SpanInString(textNode, placeholder.Start, placeholder.End);
                    if (isEmpty)
                    {
                        scope.Report(DiagnosticDescriptors.EmptyPlaceholderName, at, placeholder.Name, display);
                    }
                    else
                    {
                        scope.Report(DiagnosticDescriptors.InvalidPlaceholderName, at, placeholder.Name, display, character);
                    }
                }
            }

            return namesValid ? scan : null;
        }

        /// <summary>
        /// The template's variables in placeholder order, each with its rule (the default rule when the template has no
        /// <c>variables</c>) and a unique parameter name; reports placeholders without a rule and rules without a placeholder.
        /// </summary>
        private static List<VariableSpec> BuildVariables(
            CheckScope scope,
            JsonNode textNode,
            PlaceholderScan scan,
            Dictionary<string, VariableRule>? rules,
            JsonNode? variablesNode,
            MessageArgument display,
            string typeName)
        {
            ParseContext context = scope.Context;
            var variables = new List<VariableSpec>();

            // The parameter names taken so far besides the fixed parameters and generated members.
            var used = new List<string> { typeName };

            HashSet<string>? reported = null;
            foreach (Placeholder placeholder in scan.Placeholders)
            {
                if (rules is not null && !rules.ContainsKey(placeholder.Name) && variablesNode?.Find(placeholder.Name) is null
                    && (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(placeholder.Name))
                {
                    scope.Report(
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
                    if (!names.Contains(member.Name) && Placeholders.IsValidName(member.Name))
                    {
                        scope.Report(DiagnosticDescriptors.UnusedVariable, context.NameSpanOf(member), member.Name, display);
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
                    scope.Report(DiagnosticDescriptors.InvalidVariableRule, at, name, display);
                    continue;
                }

                string unique = GeneratedNames.UniqueParameterName(parameter, used);
                variables.Add(new VariableSpec(name, unique, rule.Type, rule.Pattern, rule.MaxLength, rule.Description));
            }

            return variables;
        }

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
    }
}
