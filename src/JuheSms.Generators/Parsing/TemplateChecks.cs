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
    /// <summary>
    /// What checking one entry of <c>templates</c> on its own gives: the values that must be unique in the file (as far
    /// as they could be read, errors or not), and the template to emit (null when its method cannot be made).
    /// </summary>
    internal readonly struct CheckedTemplate
    {
        public CheckedTemplate(string? name, FileSpan nameSpan, bool nameMakesMembers, int? tplId, FileSpan tplIdSpan, TemplateSpec? template, bool hasErrors)
        {
            Name = name;
            NameSpan = nameSpan;
            NameMakesMembers = nameMakesMembers;
            TplId = tplId;
            TplIdSpan = tplIdSpan;
            Template = template;
            HasErrors = hasErrors;
        }

        /// <summary>The <c>name</c> when it is a string, else null.</summary>
        public string? Name { get; }

        public FileSpan NameSpan { get; }

        /// <summary>True when <see cref="Name"/> makes a class and a send method (<see cref="GeneratedNames"/>).</summary>
        public bool NameMakesMembers { get; }

        /// <summary>The <c>tplId</c> when it is a valid one, else null.</summary>
        public int? TplId { get; }

        public FileSpan TplIdSpan { get; }

        /// <summary>
        /// The template to emit when its name, placeholders and parameters are known (with <see cref="TemplateSpec.HasErrors"/>
        /// when something else is wrong); null when no method can be made.
        /// </summary>
        public TemplateSpec? Template { get; }

        /// <summary>True when an error was reported for the template.</summary>
        public bool HasErrors { get; }
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
            bool nameMakesMembers = false;
            if (nameNode is null)
            {
                scope.Report(DiagnosticDescriptors.InvalidValue, ItemSpan());
            }
            else if (nameNode.Kind != JsonNodeKind.String)
            {
                scope.Report(DiagnosticDescriptors.NameNotAString, context.SpanOf(nameNode), nameNode.KindName);
            }
            else
            {
                string nameText = nameNode.StringValue ?? string.Empty;
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
                else
                {
                    nameMakesMembers = true;
                }
            }

            // tplId
            int? tplId = null;
            FileSpan tplIdSpan = default; // likewise
            JsonNode? idNode = Optional(item, "tplId");
            if (idNode is null)
            {
                scope.Report(DiagnosticDescriptors.MissingTplId, ItemSpan(), display);
            }
            else
            {
                tplIdSpan = context.SpanOf(idNode);
                if (TryGetInt(idNode, out int id) && id > 0)
                {
                    tplId = id;
                }
                else
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

            List<VariableSpec>? variables = null;
            if (scan is not null && textNode is not null)
            {
                variables = BuildVariables(scope, textNode, scan, rules, variablesNode, display, typeName);
            }

            // A method can be made when its name and parameters are known: with errors elsewhere it is emitted so that
            // call sites compile (the user meets the JSON error, not CS1061 at each call), and it throws rather than send.
            TemplateSpec? template = null;
            if (nameMakesMembers && text is not null && variables is not null)
            {
                template = new TemplateSpec(
                    name!, typeName, GeneratedNames.MethodName(typeName), tplId ?? 0, kind, text, variables.ToEquatableArray(), tplIdSpan, nameSpan, scope.HasErrors);
            }

            var result = new CheckedTemplate(name, nameSpan, nameMakesMembers, tplId, tplIdSpan, template, scope.HasErrors);
            if (scope.HasErrors || name is null || text is null)
            {
                return result;
            }

            // Warnings on a usable template.
            RenderedLength rendered = RenderedLength.Of(settings.Signature, text, scan!.Placeholders, variables!);
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

            return result;
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
        /// The template's variables in placeholder order, each with its rule and a unique parameter name; reports
        /// placeholders without a rule and rules without a placeholder. A placeholder without a usable rule (none in
        /// <c>variables</c>, or one with an error) is a plain string parameter, so the method keeps its signature. Null
        /// when a placeholder makes no parameter name.
        /// </summary>
        private static List<VariableSpec>? BuildVariables(
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

            bool parametersKnown = true;
            foreach (string name in names)
            {
                VariableRule? rule = null;
                bool ruleRead = rules is null || rules.TryGetValue(name, out rule);
                rule ??= VariableRule.Default;

                string? parameter = rule.Parameter ?? CSharpNames.ToParameterName(name);
                if (parameter is null)
                {
                    parametersKnown = false;
                    if (ruleRead)
                    {
                        // Only reported for a rule that was read: a missing or broken one has its own error already.
                        FileSpan at = rule.Member is JsonMember declared
                            ? context.NameSpanOf(declared)
                            : context.SpanInString(textNode, FirstIndex(scan, name), FirstIndex(scan, name) + name.Length + 2);
                        scope.Report(DiagnosticDescriptors.InvalidVariableRule, at, name, display);
                    }

                    continue;
                }

                string unique = GeneratedNames.UniqueParameterName(parameter, used);
                variables.Add(new VariableSpec(name, unique, rule.Type, rule.Pattern, rule.MaxLength, rule.Description));
            }

            return parametersKnown ? variables : null;
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
