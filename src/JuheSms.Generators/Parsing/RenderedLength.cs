using System;
using System.Collections.Generic;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// The longest a template can render (signature + text, each placeholder at its variable's longest value):
    /// <c>maxLength</c> when given, else 11 for an int ("-2147483648"), 20 for a long ("-9223372036854775808"), and 0 for
    /// a string, which makes the result a lower bound (<see cref="IsLowerBound"/>). Billing itself is SmsRules.CountSegments.
    /// </summary>
    internal readonly record struct RenderedLength(int Length, bool IsLowerBound)
    {
        public const int MaxIntChars = 11;
        public const int MaxLongChars = 20;

        public static RenderedLength Of(string signature, string text, IReadOnlyList<VariableSpec> variables)
        {
            var byName = new Dictionary<string, VariableSpec>(StringComparer.Ordinal);
            foreach (VariableSpec variable in variables)
            {
                byName[variable.Name] = variable;
            }

            int length = signature.Length + text.Length;
            bool lowerBound = false;
            foreach (Placeholder placeholder in Placeholders.Scan(text).Placeholders)
            {
                length -= placeholder.Length;
                if (!byName.TryGetValue(placeholder.Name, out VariableSpec? variable))
                {
                    lowerBound = true;
                    continue;
                }

                int? max = MaxChars(variable, out bool unknown);
                lowerBound |= unknown;
                length += max ?? 0;
            }

            return new RenderedLength(length, lowerBound);
        }

        /// <summary>The most characters a value of <paramref name="variable"/> can have; null (and unknown) for a string without maxLength.</summary>
        public static int? MaxChars(VariableSpec variable, out bool unknown)
        {
            unknown = false;
            switch (variable.Type)
            {
                case VariableType.Int:
                    return Math.Min(variable.MaxLength ?? MaxIntChars, MaxIntChars);
                case VariableType.Long:
                    return Math.Min(variable.MaxLength ?? MaxLongChars, MaxLongChars);
                default:
                    unknown = variable.MaxLength is null;
                    return variable.MaxLength;
            }
        }
    }
}
