using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;
using static JuheSms.Generators.Parsing.JsonValues;

namespace JuheSms.Generators.Parsing
{
    /// <summary>A variable's rules as read from <c>variables</c>, before it is matched with the text.</summary>
    internal sealed class VariableRule
    {
        /// <summary>The rule of a placeholder in a template without <c>variables</c>: a string, unchecked.</summary>
        public static readonly VariableRule Default = new VariableRule(VariableType.String, null, null, null, null, null);

        private VariableRule(VariableType type, string? pattern, int? maxLength, string? description, string? parameter, JsonMember? member)
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

        /// <summary>The C# parameter name the file gives (<c>@</c>-escaped when a keyword), or null.</summary>
        public string? Parameter { get; }

        /// <summary>The declaration in <c>variables</c> (its name locates JSMS errors); null for <see cref="Default"/>.</summary>
        public JsonMember? Member { get; }

        /// <summary>
        /// Checks one entry of <c>variables</c> (JSMS002, JSMS007, JSMS010); null when it has an error, which also makes the
        /// template unusable (<paramref name="templateScope"/>).
        /// </summary>
        public static VariableRule? Read(CheckScope templateScope, JsonMember member, MessageArgument template)
        {
            CheckScope scope = templateScope.Nested();
            ParseContext context = scope.Context;
            string variable = member.Name;
            if (Placeholders.IsInvalidName(variable, out bool isEmpty, out MessageArgument character))
            {
                if (isEmpty)
                {
                    scope.Report(DiagnosticDescriptors.EmptyVariableName, context.NameSpanOf(member), variable, template);
                }
                else
                {
                    scope.Report(DiagnosticDescriptors.InvalidVariableName, context.NameSpanOf(member), variable, template, character);
                }
            }

            JsonNode value = member.Value;
            if (value.Kind != JsonNodeKind.Object)
            {
                scope.Report(DiagnosticDescriptors.VariableNotObject, context.SpanOf(value), variable, template, value.KindName);
                return null;
            }

            var type = VariableType.String;
            JsonNode? typeNode = Optional(value, "type");
            if (typeNode is not null && ExpectString(scope, typeNode, "type", template, variable) is string typeText)
            {
                switch (typeText)
                {
                    case "string": type = VariableType.String; break;
                    case "int": type = VariableType.Int; break;
                    case "long": type = VariableType.Long; break;
                    default:
                        scope.Report(DiagnosticDescriptors.UnknownVariableType, context.SpanOf(typeNode), typeText, variable, template);
                        break;
                }
            }

            string? pattern = null;
            JsonNode? patternNode = Optional(value, "pattern");
            if (patternNode is not null && ExpectString(scope, patternNode, "pattern", template, variable) is string patternText)
            {
                string? patternError = context.PatternError(patternText);
                if (patternError is null)
                {
                    pattern = patternText;
                }
                else
                {
                    scope.Report(DiagnosticDescriptors.InvalidPattern, context.SpanOf(patternNode), variable, template, patternError);
                }
            }

            int? maxLength = null;
            JsonNode? maxNode = Optional(value, "maxLength");
            if (maxNode is not null)
            {
                if (!TryGetInt(maxNode, out int max))
                {
                    scope.Report(DiagnosticDescriptors.MaxLengthNotInteger, context.SpanOf(maxNode), variable, template, Describe(maxNode));
                }
                else if (max < 1)
                {
                    scope.Report(DiagnosticDescriptors.MaxLengthTooSmall, context.SpanOf(maxNode), variable, template, CSharpNames.Invariant(max));
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
                description = ExpectString(scope, descriptionNode, "description", template, variable);
            }

            string? parameter = null;
            JsonNode? parameterNode = Optional(value, "parameter");
            if (parameterNode is not null && ExpectString(scope, parameterNode, "parameter", template, variable) is string parameterText)
            {
                string bare = CSharpNames.Unescape(parameterText);
                if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(bare))
                {
                    parameter = CSharpNames.EscapeKeyword(bare);
                }
                else
                {
                    scope.Report(DiagnosticDescriptors.InvalidParameterName, context.SpanOf(parameterNode), variable, template, parameterText);
                }
            }

            return scope.HasErrors ? null : new VariableRule(type, pattern, maxLength, description, parameter, member);
        }
    }
}
