using System.Text.Encodings.Web;

namespace JuheSms.Internal
{
    /// <summary>
    /// Whether the <c>vars</c> JSON writer (<see cref="SmsRequestWriter"/>, <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>)
    /// would write a string exactly as it is, without a single escape: then the body can be form-encoded straight from
    /// the string, with no JSON pass in between. Asked of the encoder the way the writer asks it
    /// (<c>TextEncoder.FindFirstCharacterToEncode(char*, int)</c>, which the writer calls for a
    /// custom encoder), so the two paths cannot disagree: a surrogate pair (a character outside the BMP, which the encoder
    /// writes as a <c>\uXXXX</c> pair), a quote, a backslash or a control character says no. The encoder's own check is
    /// vectorised for ASCII and looks the rest up in its 8 KB bitmap.
    /// </summary>
    internal static class JsonPlainText
    {
        private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

        /// <summary>True when the JSON writer would write <paramref name="text"/> unchanged between its quotes.</summary>
        public static unsafe bool IsPlain(string text)
        {
            if (text.Length == 0)
            {
                return true; // The writer does not ask the encoder about an empty string either.
            }

            fixed (char* chars = text)
            {
                return Encoder.FindFirstCharacterToEncode(chars, text.Length) < 0;
            }
        }
    }
}
