using System;
using System.Globalization;
using System.Text.RegularExpressions;
using JuheSms.Internal;

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

    /// <summary>The outcome of checking one constant value: what is wrong, in words for the message.</summary>
    internal readonly struct ValueProblem
    {
        public ValueProblem(ValueProblemKind kind, string detail)
        {
            Kind = kind;
            Detail = detail;
        }

        public ValueProblemKind Kind { get; }

        /// <summary>JSMS101: the character (<c>'#'</c>, <c>U+000A (line feed)</c>); JSMS102: what the value breaks.</summary>
        public string Detail { get; }

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
        /// <param name="variable">The template's variable when known; null checks the unsafe characters only.</param>
        public static ValueProblem CheckString(string value, VariableInfo? variable)
        {
            int unsafeIndex = SmsRules.IndexOfUnsafeValueChar(value);
            if (unsafeIndex >= 0)
            {
                // An unsafe character is the root cause: a pattern failure on the same value would only repeat it.
                return new ValueProblem(ValueProblemKind.UnsafeCharacter, SmsRules.DescribeChar(value[unsafeIndex]));
            }

            if (variable is null)
            {
                return ValueProblem.None;
            }

            if (variable.Kind != VariableKind.String && !IsInteger(value, variable.Kind))
            {
                return new ValueProblem(ValueProblemKind.VariableRule, "is not " + (variable.Kind == VariableKind.Int32 ? "an int" : "a long"));
            }

            return CheckRules(value, variable);
        }

        /// <summary>A constant number given for an int/long parameter of a typed method.</summary>
        public static ValueProblem CheckInteger(long value, VariableInfo variable)
        {
            if (variable.Kind == VariableKind.Int32 && (value < int.MinValue || value > int.MaxValue))
            {
                return new ValueProblem(ValueProblemKind.VariableRule, "is out of the range of an int");
            }

            // The generated code sends the invariant digits, so the rules apply to that text.
            return CheckRules(value.ToString(CultureInfo.InvariantCulture), variable);
        }

        private static ValueProblem CheckRules(string text, VariableInfo variable)
        {
            if (variable.MaxLength is int maxLength && text.Length > maxLength)
            {
                return new ValueProblem(
                    ValueProblemKind.VariableRule,
                    string.Format(CultureInfo.InvariantCulture, "is {0} characters long, more than its maxLength {1}", text.Length, maxLength));
            }

            if (variable.PatternRegex is Regex regex)
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
                    return new ValueProblem(ValueProblemKind.VariableRule, "does not match its pattern " + variable.Pattern);
                }
            }

            return ValueProblem.None;
        }

        /// <summary>Whether a raw string value reads as the variable's number type (invariant, optional '-', digits only).</summary>
        public static bool IsInteger(string value, VariableKind kind)
        {
            if (kind == VariableKind.Int64)
            {
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                       && !value.StartsWith("+", StringComparison.Ordinal);
            }

            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                   && !value.StartsWith("+", StringComparison.Ordinal);
        }
    }
}
