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
            Span<byte> utf8 = stackalloc byte[4];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80 && Unreserved[c])
                {
#if NET8_0_OR_GREATER
                    // A run of unreserved characters (a number, an order id) is kept as is by both layers: narrowed in one go.
                    ReadOnlySpan<char> rest = text.AsSpan(i);
                    int run = rest.IndexOfAnyExcept(UnreservedChars);
                    if (run < 0)
                    {
                        run = rest.Length;
                    }

                    System.Text.Ascii.FromUtf16(rest.Slice(0, run), span.Slice(n), out int narrowed);
                    n += narrowed;
                    i += run - 1;
#else
                    span[n++] = (byte)c; // Kept as is by both layers.
#endif
                    continue;
                }

                int count;
                if (c < 0x80)
                {
                    utf8[0] = (byte)c;
                    count = 1;
                }
                else if (c < 0x800)
                {
                    utf8[0] = (byte)(0xC0 | (c >> 6));
                    utf8[1] = (byte)(0x80 | (c & 0x3F));
                    count = 2;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    i++;
                    utf8[0] = (byte)(0xF0 | (codePoint >> 18));
                    utf8[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                    utf8[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    utf8[3] = (byte)(0x80 | (codePoint & 0x3F));
                    count = 4;
                }
                else
                {
                    int codePoint = char.IsSurrogate(c) ? 0xFFFD : c;
                    utf8[0] = (byte)(0xE0 | (codePoint >> 12));
                    utf8[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    utf8[2] = (byte)(0x80 | (codePoint & 0x3F));
                    count = 3;
                }

                for (int k = 0; k < count; k++)
                {
                    n += EncodeByte(span.Slice(n), utf8[k], twice);
                }
            }

            output.Advance(n);
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
