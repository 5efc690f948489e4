using System.Globalization;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Parsing
{
    /// <summary>Reading typed values out of <see cref="JsonNode"/>s, reporting JSMS002 for a value of the wrong type.</summary>
    internal static class JsonValues
    {
        /// <summary>The value of an optional property; null when absent or JSON null.</summary>
        public static JsonNode? Optional(JsonNode obj, string name)
        {
            JsonNode? value = obj.Find(name)?.Value;
            return value is null || value.Kind == JsonNodeKind.Null ? null : value;
        }

        /// <summary>The value of a string property of the file; else JSMS002 "\"p\" must be a string" and null.</summary>
        public static string? ExpectString(CheckScope scope, JsonNode node, string property)
        {
            if (node.Kind == JsonNodeKind.String)
            {
                return node.StringValue ?? string.Empty;
            }

            scope.Report(DiagnosticDescriptors.ValueNotAString, scope.Context.SpanOf(node), property, node.KindName);
            return null;
        }

        /// <summary>The value of a string property of a template; else JSMS002 "\"p\" of template 't' must be a string" and null.</summary>
        public static string? ExpectString(CheckScope scope, JsonNode node, string property, MessageArgument template)
        {
            if (node.Kind == JsonNodeKind.String)
            {
                return node.StringValue ?? string.Empty;
            }

            scope.Report(DiagnosticDescriptors.TemplateValueNotAString, scope.Context.SpanOf(node), property, template, node.KindName);
            return null;
        }

        /// <summary>The value of a string property of a variable; else JSMS002 "\"p\" of variable 'v' of template 't' must be a string" and null.</summary>
        public static string? ExpectString(CheckScope scope, JsonNode node, string property, MessageArgument template, string variable)
        {
            if (node.Kind == JsonNodeKind.String)
            {
                return node.StringValue ?? string.Empty;
            }

            scope.Report(DiagnosticDescriptors.VariableValueNotAString, scope.Context.SpanOf(node), property, variable, template, node.KindName);
            return null;
        }

        public static bool TryGetInt(JsonNode node, out int value)
        {
            value = 0;
            return node.Kind == JsonNodeKind.Number
                && int.TryParse(node.NumberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>A value as a message shows it: a number as written (at most 40 digits), else its kind.</summary>
        public static MessageArgument Describe(JsonNode node)
        {
            if (node.Kind == JsonNodeKind.Number && node.NumberText is string number)
            {
                return number.Length > 40 ? number.Substring(0, 40) + "..." : number;
            }

            return node.KindName;
        }
    }
}
