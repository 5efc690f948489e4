using System.Globalization;
using JuheSms.Generators.Helpers;
using Microsoft.CodeAnalysis.CSharp;

namespace JuheSms.Generators.Emitting
{
    /// <summary>
    /// Escaped text written straight into an <see cref="IndentedWriter"/>: XML doc text and C# string literals, with no
    /// intermediate string when nothing needs escaping (the common case: template texts, names, patterns).
    /// </summary>
    internal static class EscapingWriter
    {
        /// <summary>Text for an XML doc comment on one line: &amp; &lt; &gt; escaped, line breaks and other controls made spaces.</summary>
        public static IndentedWriter WriteXml(this IndentedWriter w, string value)
        {
            int run = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string? replacement = c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    _ => char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' ? " " : null,
                };
                if (replacement is not null)
                {
                    w.Write(value, run, i - run).Write(replacement);
                    run = i + 1;
                }
            }

            return w.Write(value, run, value.Length - run);
        }

        /// <summary>A C# string literal of <paramref name="value"/>, quotes included.</summary>
        public static IndentedWriter WriteLiteral(this IndentedWriter w, string value)
            => w.WriteLiteral(value, 0, value.Length);

        /// <summary>A C# string literal of <paramref name="count"/> characters of <paramref name="value"/> from <paramref name="start"/>.</summary>
        public static IndentedWriter WriteLiteral(this IndentedWriter w, string value, int start, int count)
            => w.Write('"').WriteLiteralPart(value, start, count).Write('"');

        /// <summary>
        /// The inside of a C# string literal (no quotes), so one literal can be written in pieces. Pieces must not split a
        /// surrogate pair (Roslyn escapes a pair as one <c>\U</c> sequence).
        /// </summary>
        public static IndentedWriter WriteLiteralPart(this IndentedWriter w, string value)
            => w.WriteLiteralPart(value, 0, value.Length);

        /// <summary>
        /// Characters that need no escape are copied; otherwise Roslyn's own escaping (<see cref="SymbolDisplay.FormatLiteral(string, bool)"/>)
        /// does the piece, so the output is exactly Roslyn's whatever the input.
        /// </summary>
        private static IndentedWriter WriteLiteralPart(this IndentedWriter w, string value, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                if (!IsCopiedAsIs(value[i]))
                {
                    string literal = SymbolDisplay.FormatLiteral(value.Substring(start, count), quote: true);
                    return w.Write(literal, 1, literal.Length - 2);
                }
            }

            return w.Write(value, start, count);
        }

        /// <summary>
        /// True for a character that Roslyn writes unchanged in a quoted literal: printable ASCII but '"' and '\', and
        /// non-ASCII of any category Roslyn does not escape (it escapes controls, unassigned code points, line and
        /// paragraph separators and surrogates; format and private-use characters go the slow way too, to be safe).
        /// </summary>
        private static bool IsCopiedAsIs(char c)
        {
            if (c < 0x80)
            {
                return c >= ' ' && c != '"' && c != '\\' && c != '\x7f';
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.Format:
                case UnicodeCategory.PrivateUse:
                    return false;
                default:
                    return true;
            }
        }
    }
}
