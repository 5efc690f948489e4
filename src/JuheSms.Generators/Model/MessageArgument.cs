using System.Globalization;
using JuheSms.Generators.Diagnostics;

namespace JuheSms.Generators.Model
{
    /// <summary>
    /// One argument of a diagnostic message: a value from the file or the code (a name, a number), or a word of ours
    /// (<c>an object</c>, <c>(unnamed)</c>) that is a resource of <see cref="DiagnosticMessages"/>, so that it is
    /// translated with the message around it; <see cref="FragmentArgument"/> fills the fragment's <c>{0}</c> if it has one.
    /// </summary>
    internal readonly record struct MessageArgument(string Value, bool IsFragment, string? FragmentArgument = null)
    {
        public static implicit operator MessageArgument(string value) => new MessageArgument(value, false);

        /// <summary>The resource <c>Fragment_{name}</c> of <see cref="DiagnosticMessages"/>.</summary>
        public static MessageArgument Fragment(string name) => new MessageArgument("Fragment_" + name, true);

        /// <summary>
        /// A character as a message shows it, in the reader's language: quoted (<c>'#'</c>), or named with its code point
        /// when it cannot be shown (<c>U+000A (line feed)</c>, <c>U+001F (control character)</c>).
        /// </summary>
        public static MessageArgument Character(char c)
        {
            switch (c)
            {
                case '\r': return Fragment("CarriageReturn");
                case '\n': return Fragment("LineFeed");
                case '\t': return Fragment("Tab");
            }

            return char.IsControl(c)
                ? new MessageArgument("Fragment_ControlCharacter", true, ((int)c).ToString("X4", CultureInfo.InvariantCulture))
                : new MessageArgument("Fragment_QuotedCharacter", true, c.ToString());
        }

        /// <summary>What <c>Diagnostic.Create</c> formats: the value, or the fragment resolved in the reader's culture.</summary>
        public object ToFormatArgument() => IsFragment ? DiagnosticMessages.Get(Value, FragmentArgument) : Value;
    }
}
