using System;
using System.Globalization;
using System.Text.RegularExpressions;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;
using JuheSms.Internal;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>Which rule a constant variable value breaks.</summary>
    internal enum ValueProblemKind
    {
        /// <summary>The value is fine.</summary>
        None = 0,

        /// <summary>JSMS101: an unsafe character (SmsRules.IsUnsafeValueChar).</summary>
        UnsafeCharacter = 1,

        /// <summary>JSMS102: the variable's pattern, maxLength or number type.</summary>
        VariableRule = 2,
    }

    /// <summary>The outcome of checking one constant value: what is wrong, as a message and its own arguments.</summary>
    internal readonly struct ValueProblem
    {
        public ValueProblem(ValueProblemKind kind, DiagnosticDescriptor descriptor, params object[] details)
        {
            Kind = kind;
            Descriptor = descriptor;
            Details = details;
        }

        public ValueProblemKind Kind { get; }

        /// <summary>The message: JSMS101, or the JSMS102 message of the rule broken.</summary>
        public DiagnosticDescriptor? Descriptor { get; }

        /// <summary>
        /// JSMS101: the character (<c>'#'</c>, <c>U+000A (line feed)</c>, in the reader's language); JSMS102: the
        /// arguments that follow value, variable and template (the length and maxLength, or the pattern).
        /// </summary>
        public object[] Details { get; }

        public static ValueProblem None => default;
    }

    /// <summary>
    /// Checks a constant variable value the way the runtime will: the unsafe characters come from SmsRules (one source
    /// of truth, linked into this assembly), the per-variable rules from the templates file.
    /// </summary>
    internal static class ValueRules
    {
        /// <summary>A constant string given for a variable (a typed string argument, or any raw dictionary value).</summary>
        /// <param name="value">The constant.</param>
        /// <param name="template">The template when known.</param>
        /// <param name="variable">The template's variable when known; null checks the unsafe characters only.</param>
        public static ValueProblem CheckString(string value, CatalogTemplate? template, VariableSpec? variable)
        {
            int unsafeIndex = SmsRules.IndexOfUnsafeValueChar(value);
            if (unsafeIndex >= 0)
            {
                // An unsafe character is the root cause: a pattern failure on the same value would only repeat it.
                return new ValueProblem(ValueProblemKind.UnsafeCharacter, DiagnosticDescriptors.UnsafeVariableValue, MessageArgument.Character(value[unsafeIndex]).ToFormatArgument());
            }

            if (template is null || variable is null)
            {
                return ValueProblem.None;
            }

            if (variable.Type != VariableType.String && !IsInteger(value, variable.Type))
            {
                return new ValueProblem(
                    ValueProblemKind.VariableRule,
                    variable.Type == VariableType.Int ? DiagnosticDescriptors.ValueNotAnInt : DiagnosticDescriptors.ValueNotALong);
            }

            return CheckRules(value, template, variable);
        }

        /// <summary>A constant number given for an int/long parameter of a typed method.</summary>
        public static ValueProblem CheckInteger(long value, CatalogTemplate template, VariableSpec variable)
        {
            if (variable.Type == VariableType.Int && (value < int.MinValue || value > int.MaxValue))
            {
                return new ValueProblem(ValueProblemKind.VariableRule, DiagnosticDescriptors.ValueOutOfIntRange);
            }

            // The generated code sends the invariant digits, so the rules apply to that text.
            return CheckRules(value.ToString(CultureInfo.InvariantCulture), template, variable);
        }

        private static ValueProblem CheckRules(string text, CatalogTemplate template, VariableSpec variable)
        {
            if (variable.MaxLength is int maxLength && text.Length > maxLength)
            {
                return new ValueProblem(
                    ValueProblemKind.VariableRule,
                    DiagnosticDescriptors.ValueTooLong,
                    text.Length.ToString(CultureInfo.InvariantCulture),
                    maxLength.ToString(CultureInfo.InvariantCulture));
            }

            if (template.PatternOf(variable) is Regex regex)
            {
                bool matches;
                try
                {
                    matches = regex.IsMatch(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    // Undecidable in time: say nothing rather than guess.
                    return ValueProblem.None;
                }

                if (!matches)
                {
                    return new ValueProblem(ValueProblemKind.VariableRule, DiagnosticDescriptors.VariableRuleViolated, variable.Pattern!);
                }
            }

            return ValueProblem.None;
        }

        /// <summary>Whether a raw string value reads as the variable's number type (invariant, optional '-', digits only).</summary>
        public static bool IsInteger(string value, VariableType type)
        {
            if (type == VariableType.Long)
            {
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                       && !value.StartsWith("+", StringComparison.Ordinal);
            }

            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                   && !value.StartsWith("+", StringComparison.Ordinal);
        }
    }
}
