namespace JuheSms
{
    /// <summary>A template rendered with its values: the text as the phone shows it (signature included) and its billed messages.</summary>
    public sealed class RenderedSms
    {
        /// <summary>Creates a rendered message; <see cref="Segments"/> is computed with <see cref="SmsLength"/>.</summary>
        public RenderedSms(string text)
        {
            Text = text ?? string.Empty;
            Segments = SmsLength.CountSegments(Text);
        }

        /// <summary>The full text, signature included.</summary>
        public string Text { get; }

        /// <summary>Characters of <see cref="Text"/> (UTF-16 units).</summary>
        public int Length => Text.Length;

        /// <summary>Billed messages (70 for one, then per 67).</summary>
        public int Segments { get; }

        /// <inheritdoc />
        public override string ToString() => Text;
    }
}
