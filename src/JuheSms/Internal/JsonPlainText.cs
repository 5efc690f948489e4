#if NET8_0_OR_GREATER
using System;
using System.Buffers;
#endif
using System.Text.Encodings.Web;

namespace JuheSms.Internal
{
    /// <summary>
    /// Whether the <c>vars</c> JSON writer (<see cref="SmsRequestWriter"/>, <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>)
    /// would write a string exactly as it is, without a single escape: then the body can be form-encoded straight from
    /// the string, with no JSON pass in between. Asked of the encoder itself (<see cref="System.Text.Encodings.Web.TextEncoder.WillEncode"/>),
    /// one answer per character cached, so the two paths cannot disagree; a surrogate (a character outside the BMP,
    /// which the encoder writes as a <c>\uXXXX</c> pair) always says no.
    /// </summary>
    internal static class JsonPlainText
    {
        private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

        // One byte per BMP character, filled on first use: 0 = not asked yet, 1 = written as is, 2 = escaped.
        private static readonly byte[] Answers = new byte[65536];

#if NET8_0_OR_GREATER
        // The printable ASCII characters (U+0020–U+007E) the encoder escapes (" and \ among them), asked of it once.
        private static readonly SearchValues<char> EscapedPrintableAscii = SearchValues.Create(EscapedAmong(' ', '~'));

        // A search-values set rather than IndexOfAnyExceptInRange: that generic method boxes in unoptimised (tier-0) code.
        private static readonly SearchValues<char> PrintableAscii = SearchValues.Create(Among(' ', '~'));
#endif

        /// <summary>True when the JSON writer would write <paramref name="text"/> unchanged between its quotes.</summary>
        public static bool IsPlain(string text)
        {
#if NET8_0_OR_GREATER
            // Most values are printable ASCII: two vectorised scans instead of a lookup per character.
            ReadOnlySpan<char> span = text.AsSpan();
            if (span.IndexOfAnyExcept(PrintableAscii) < 0)
            {
                return span.IndexOfAny(EscapedPrintableAscii) < 0;
            }
#endif
            foreach (char c in text)
            {
                byte answer = Answers[c];
                if (answer == 0)
                {
                    answer = char.IsSurrogate(c) || Encoder.WillEncode(c) ? (byte)2 : (byte)1;
                    Answers[c] = answer; // A benign race: every thread writes the same value.
                }

                if (answer != 1)
                {
                    return false;
                }
            }

            return true;
        }

#if NET8_0_OR_GREATER
        private static string Among(char first, char last)
        {
            var all = new System.Text.StringBuilder();
            for (char c = first; c <= last; c++)
            {
                all.Append(c);
            }

            return all.ToString();
        }

        private static string EscapedAmong(char first, char last)
        {
            var escaped = new System.Text.StringBuilder();
            for (char c = first; c <= last; c++)
            {
                if (Encoder.WillEncode(c))
                {
                    escaped.Append(c);
                }
            }

            return escaped.ToString();
        }
#endif
    }
}
