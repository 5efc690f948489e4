using System.Collections.Generic;
using System.Collections.Immutable;
using JuheSms.Generators.Model;
using JuheSms.Internal;

namespace JuheSms.Generators.Parsing
{
    /// <summary>One <c>#name#</c> in a template text: its name and where it is (the <c>#</c>s included).</summary>
    internal readonly record struct Placeholder(string Name, int Start, int Length)
    {
        public int End => Start + Length;
    }

    /// <summary>The placeholders of a text, and the index of a <c>#</c> left without its pair (-1 when balanced).</summary>
    internal sealed class PlaceholderScan
    {
        public PlaceholderScan(ImmutableArray<Placeholder> placeholders, int unbalancedIndex)
        {
            Placeholders = placeholders;
            UnbalancedIndex = unbalancedIndex;
        }

        public ImmutableArray<Placeholder> Placeholders { get; }

        public int UnbalancedIndex { get; }

        /// <summary>The distinct names, in the order they first appear: the variables' (and parameters') order.</summary>
        public ImmutableArray<string> DistinctNames
        {
            get
            {
                // A text has a few placeholders: search the names found so far; a set only for a long list.
                HashSet<string>? seen = Placeholders.Length > 16 ? new HashSet<string>(System.StringComparer.Ordinal) : null;
                var names = ImmutableArray.CreateBuilder<string>(Placeholders.Length);
                foreach (Placeholder placeholder in Placeholders)
                {
                    if (seen is null ? !names.Contains(placeholder.Name) : seen.Add(placeholder.Name))
                    {
                        names.Add(placeholder.Name);
                    }
                }

                return names.ToImmutable();
            }
        }
    }

    /// <summary>
    /// The placeholder rules of a template text, in one place for the generator and the call-site analyzers:
    /// <c>#</c>s pair up left to right (the provider substitutes <c>#name#</c>), so an odd one out is unbalanced;
    /// a name must be non-empty and hold no <c>#</c>, <c>&amp;</c>, <c>=</c> or whitespace (they break <c>tpl_value</c>).
    /// </summary>
    internal static class Placeholders
    {
        public static PlaceholderScan Scan(string text)
        {
            var found = ImmutableArray.CreateBuilder<Placeholder>();
            int open = -1;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != SmsRules.PlaceholderDelimiter)
                {
                    continue;
                }

                if (open < 0)
                {
                    open = i;
                }
                else
                {
                    found.Add(new Placeholder(text.Substring(open + 1, i - open - 1), open, i - open + 1));
                    open = -1;
                }
            }

            return new PlaceholderScan(found.ToImmutable(), open);
        }

        /// <summary>
        /// The index of the first character that a variable name must not hold, -1 when the name is fine;
        /// <paramref name="isEmpty"/> is true for an empty name.
        /// </summary>
        public static int IndexOfInvalidNameChar(string name, out bool isEmpty)
        {
            isEmpty = name.Length == 0;
            return SmsRules.IndexOfInvalidVariableNameChar(name);
        }

        /// <summary>
        /// True when <paramref name="name"/> is not a variable name: empty (<paramref name="isEmpty"/>), or holding the
        /// character <paramref name="character"/> describes (the fragment "whitespace", or MessageArgument.Character).
        /// </summary>
        public static bool IsInvalidName(string name, out bool isEmpty, out MessageArgument character)
        {
            int index = IndexOfInvalidNameChar(name, out isEmpty);
            character = default;
            if (isEmpty)
            {
                return true;
            }

            if (index >= 0)
            {
                char c = name[index];
                character = char.IsWhiteSpace(c) && !char.IsControl(c) ? MessageArgument.Fragment("Whitespace") : MessageArgument.Character(c);
                return true;
            }

            return false;
        }

        /// <summary>True when <paramref name="name"/> is a variable name.</summary>
        public static bool IsValidName(string name) => !IsInvalidName(name, out _, out _);
    }
}
