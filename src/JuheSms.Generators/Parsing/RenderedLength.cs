using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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

        /// <summary>The rendered length of <paramref name="text"/>, whose placeholders are <paramref name="placeholders"/>.</summary>
        public static RenderedLength Of(string signature, string text, ImmutableArray<Placeholder> placeholders, IReadOnlyList<VariableSpec> variables)
        {
            int length = signature.Length + text.Length;
            bool lowerBound = false;
            foreach (Placeholder placeholder in placeholders)
            {
                length -= placeholder.Length;
                if (Find(variables, placeholder.Name) is not VariableSpec variable)
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

        /// <summary>The last variable named <paramref name="name"/> (a template has a few; names are distinct).</summary>
        private static VariableSpec? Find(IReadOnlyList<VariableSpec> variables, string name)
        {
            for (int i = variables.Count - 1; i >= 0; i--)
            {
                if (string.Equals(variables[i].Name, name, StringComparison.Ordinal))
                {
                    return variables[i];
                }
            }

            return null;
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
