using System;
#if NET
using System.Buffers;
#endif

namespace JuheSms.Internal
{
    /// <summary>
    /// <c>application/x-www-form-urlencoded</c> encoding straight into a byte buffer, with no intermediate strings.
    /// Byte for byte what <c>FormUrlEncodedContent</c> writes: the RFC 3986 unreserved characters
    /// (<c>A-Z a-z 0-9 - . _ ~</c>) stay, a space becomes <c>+</c>, every other UTF-8 byte becomes <c>%XX</c> (upper case).
    /// </summary>
    internal static class FormUrlEncoder
    {
        private static readonly byte[] HexDigits = { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F' };

        // One lookup per byte instead of eight comparisons: most of a body (the key, the number, ASCII values) is unreserved.
        private static readonly bool[] Unreserved = BuildUnreserved();

#if NET
        private static readonly SearchValues<byte> UnreservedBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"u8);
#endif
#if NET8_0_OR_GREATER
        /// <summary>From this many characters on, a run of unreserved ones is searched for and narrowed in one go.</summary>
        private const int LongRun = 16;

        private static readonly SearchValues<char> UnreservedChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");
#endif

        /// <summary>Form-encodes UTF-8 bytes (once).</summary>
        public static void Encode(PooledByteBuffer output, ReadOnlySpan<byte> utf8)
        {
            // Worst case three output bytes per input byte.
            Span<byte> span = output.Reserve(utf8.Length * 3);
            int n = 0;
            int i = 0;
            while (i < utf8.Length)
            {
                byte b = utf8[i];
                if (!Unreserved[b])
                {
                    n += EncodeByte(span.Slice(n), b, twice: false);
                    i++;
                    continue;
                }

#if NET
                // A run of unreserved bytes (a name, a number, an order id in the vars JSON) is copied in one go.
                int run = utf8.Slice(i).IndexOfAnyExcept(UnreservedBytes);
                if (run < 0)
                {
                    run = utf8.Length - i;
                }

                utf8.Slice(i, run).CopyTo(span.Slice(n));
                n += run;
                i += run;
#else
                span[n++] = b;
                i++;
#endif
            }

            output.Advance(n);
        }

        /// <summary>Form-encodes a string (once) as UTF-8. A lone surrogate becomes U+FFFD, as <c>Encoding.UTF8</c> does.</summary>
        public static void Encode(PooledByteBuffer output, string text) => EncodeText(output, text, twice: false);

        /// <summary>
        /// Encodes <paramref name="text"/> twice in one pass: first percent-encoded on its own the way
        /// <c>Uri.EscapeDataString</c> does (space as <c>%20</c>, <c>+</c> as <c>%2B</c>), then the result form-encoded,
        /// so that <c>&amp;</c> becomes <c>%2526</c>. This is the per-name/per-value layer of <c>tpl_value</c>.
        /// </summary>
        public static void EncodeTwice(PooledByteBuffer output, string text) => EncodeText(output, text, twice: true);

        private static void EncodeText(PooledByteBuffer output, string text, bool twice)
        {
            // A UTF-16 unit yields at most 3 UTF-8 bytes (a surrogate pair 4 for two units); each byte at most 5 output bytes.
            Span<byte> span = output.Reserve(text.Length * 3 * (twice ? 5 : 3));
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    if (Unreserved[c])
                    {
#if NET8_0_OR_GREATER
                        // A long run of unreserved characters (an order id) is narrowed in one go; a short one is not
                        // worth the search's set-up, and the per-character copy below does it.
                        if (text.Length - i >= LongRun)
                        {
                            ReadOnlySpan<char> rest = text.AsSpan(i);
                            int run = rest.IndexOfAnyExcept(UnreservedChars);
                            if (run < 0)
                            {
                                run = rest.Length;
                            }

                            System.Text.Ascii.FromUtf16(rest.Slice(0, run), span.Slice(n), out int narrowed);
                            n += narrowed;
                            i += run - 1;
                            continue;
                        }
#endif
                        span[n++] = (byte)c; // Kept as is by both layers.
                        continue;
                    }

                    n += EncodeByte(span.Slice(n), (byte)c, twice);
                    continue;
                }

                // Outside ASCII every UTF-8 byte is escaped (none is unreserved): written straight as %XX.
                if (c < 0x800)
                {
                    n = Escape(span, n, (byte)(0xC0 | (c >> 6)), twice);
                    n = Escape(span, n, (byte)(0x80 | (c & 0x3F)), twice);
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    i++;
                    n = Escape(span, n, (byte)(0xF0 | (codePoint >> 18)), twice);
                    n = Escape(span, n, (byte)(0x80 | ((codePoint >> 12) & 0x3F)), twice);
                    n = Escape(span, n, (byte)(0x80 | ((codePoint >> 6) & 0x3F)), twice);
                    n = Escape(span, n, (byte)(0x80 | (codePoint & 0x3F)), twice);
                }
                else
                {
                    int codePoint = char.IsSurrogate(c) ? 0xFFFD : c;
                    n = Escape(span, n, (byte)(0xE0 | (codePoint >> 12)), twice);
                    n = Escape(span, n, (byte)(0x80 | ((codePoint >> 6) & 0x3F)), twice);
                    n = Escape(span, n, (byte)(0x80 | (codePoint & 0x3F)), twice);
                }
            }

            output.Advance(n);
        }

        /// <summary>Writes a byte that is never kept (not unreserved, not a space) as <c>%XX</c>, or <c>%25XX</c> when encoding twice.</summary>
        private static int Escape(Span<byte> span, int n, byte b, bool twice)
        {
            span[n] = (byte)'%';
            if (twice)
            {
                span[n + 1] = (byte)'2';
                span[n + 2] = (byte)'5';
                n += 2;
            }

            span[n + 1] = HexDigits[b >> 4];
            span[n + 2] = HexDigits[b & 0xF];
            return n + 3;
        }

        private static bool[] BuildUnreserved()
        {
            var table = new bool[256];
            for (int b = 0; b < table.Length; b++)
            {
                table[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';
            }

            return table;
        }

        private static int EncodeByte(Span<byte> destination, byte b, bool twice)
        {
            if (Unreserved[b])
            {
                destination[0] = b;
                return 1;
            }

            if (!twice)
            {
                if (b == (byte)' ')
                {
                    destination[0] = (byte)'+';
                    return 1;
                }

                destination[0] = (byte)'%';
                destination[1] = HexDigits[b >> 4];
                destination[2] = HexDigits[b & 0xF];
                return 3;
            }

            // Inner layer "%XX"; the outer layer turns '%' into "%25" and keeps the hex digits (unreserved).
            destination[0] = (byte)'%';
            destination[1] = (byte)'2';
            destination[2] = (byte)'5';
            destination[3] = HexDigits[b >> 4];
            destination[4] = HexDigits[b & 0xF];
            return 5;
        }
    }
}
