using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

        // EncodeOnce's tables, built from EncodeByte and the JSON encoder, so the rules stay written once: per ASCII
        // character its encoded bytes (as the 4 bytes one write puts down, in the machine's byte order) and their count
        // with JsonEscapedFlag when the vars JSON writer escapes the character; per byte value its %XX.
        private const byte LengthMask = 0x0F;

        private const byte JsonEscapedFlag = 0x80;

        private static readonly uint[] AsciiForms = new uint[128];

        private static readonly byte[] AsciiLengths = BuildAsciiTables(AsciiForms);

        private static readonly uint[] EscapedBytes = BuildEscapedBytes();

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
        public static void Encode(PooledByteBuffer output, string text) => EncodeOnce(output, text, jsonPlainOnly: false);

        /// <summary>
        /// Form-encodes <paramref name="text"/> (once) when the <c>vars</c> JSON writer would write it unchanged between its
        /// quotes (<see cref="JsonPlainText"/>), and returns false otherwise, having written part of it: the caller takes
        /// back what it wrote. One pass instead of a JSON check and then the encoding.
        /// </summary>
        public static bool TryEncodeJsonPlain(PooledByteBuffer output, string text) => EncodeOnce(output, text, jsonPlainOnly: true);

        /// <summary>
        /// Encodes <paramref name="text"/> twice in one pass: first percent-encoded on its own the way
        /// <c>Uri.EscapeDataString</c> does (space as <c>%20</c>, <c>+</c> as <c>%2B</c>), then the result form-encoded,
        /// so that <c>&amp;</c> becomes <c>%2526</c>. This is the per-name/per-value layer of <c>tpl_value</c>.
        /// </summary>
        public static void EncodeTwice(PooledByteBuffer output, string text)
        {
            // A UTF-16 unit yields at most 3 UTF-8 bytes (a surrogate pair 4 for two units); each byte at most 5 output bytes.
            Span<byte> span = output.Reserve(text.Length * 3 * 5);
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    n += EncodeByte(span.Slice(n), (byte)c, twice: true);
                    continue;
                }

                // Outside ASCII every UTF-8 byte is escaped (none is unreserved).
                if (c < 0x800)
                {
                    n = Escape(span, n, (byte)(0xC0 | (c >> 6)), twice: true);
                    n = Escape(span, n, (byte)(0x80 | (c & 0x3F)), twice: true);
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    i++;
                    n = Escape(span, n, (byte)(0xF0 | (codePoint >> 18)), twice: true);
                    n = Escape(span, n, (byte)(0x80 | ((codePoint >> 12) & 0x3F)), twice: true);
                    n = Escape(span, n, (byte)(0x80 | ((codePoint >> 6) & 0x3F)), twice: true);
                    n = Escape(span, n, (byte)(0x80 | (codePoint & 0x3F)), twice: true);
                }
                else
                {
                    int codePoint = char.IsSurrogate(c) ? 0xFFFD : c;
                    n = Escape(span, n, (byte)(0xE0 | (codePoint >> 12)), twice: true);
                    n = Escape(span, n, (byte)(0x80 | ((codePoint >> 6) & 0x3F)), twice: true);
                    n = Escape(span, n, (byte)(0x80 | (codePoint & 0x3F)), twice: true);
                }
            }

            output.Advance(n);
        }

        /// <summary>
        /// The once-encoding of a string, table-driven: every character's bytes go down as one unaligned 4-byte write (the
        /// bytes past its length are overwritten by the next character or left beyond the advanced length), with no
        /// bounds check per byte. With <paramref name="jsonPlainOnly"/>, false at the first character the JSON writer
        /// would escape (for text outside ASCII the encoder is asked about the whole string once).
        /// </summary>
        private static bool EncodeOnce(PooledByteBuffer output, string text, bool jsonPlainOnly)
        {
            // A UTF-16 unit yields at most 3 UTF-8 bytes (a surrogate pair 4 for two units), each at most 3 output bytes;
            // plus the 4-byte write's spare byte.
            Span<byte> span = output.Reserve((text.Length * 9) + 1);
            ref byte destination = ref MemoryMarshal.GetReference(span);
            ref char source = ref MemoryMarshal.GetReference(text.AsSpan());
            ref uint asciiForms = ref MemoryMarshal.GetReference(AsciiForms.AsSpan());
            ref byte asciiLengths = ref MemoryMarshal.GetReference(AsciiLengths.AsSpan());
            ref uint escapes = ref MemoryMarshal.GetReference(EscapedBytes.AsSpan());
            bool askedEncoder = false;
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                uint c = Unsafe.Add(ref source, i);
                if (c < 0x80)
                {
                    byte length = Unsafe.Add(ref asciiLengths, (int)c);
                    if (jsonPlainOnly && (length & JsonEscapedFlag) != 0)
                    {
                        return false;
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n), Unsafe.Add(ref asciiForms, (int)c));
                    n += length & LengthMask;
                    continue;
                }

                if (jsonPlainOnly && !askedEncoder)
                {
                    // Outside ASCII the encoder's own bitmap decides (a surrogate pair, for one, is escaped).
                    if (!JsonPlainText.IsPlain(text))
                    {
                        return false;
                    }

                    askedEncoder = true;
                }

                // Outside ASCII every UTF-8 byte is escaped (none is unreserved): %XX each.
                if (c < 0x800)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n), Unsafe.Add(ref escapes, (int)(0xC0 | (c >> 6))));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 3), Unsafe.Add(ref escapes, (int)(0x80 | (c & 0x3F))));
                    n += 6;
                }
                else if (c - 0xD800 > 0x7FF)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n), Unsafe.Add(ref escapes, (int)(0xE0 | (c >> 12))));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 3), Unsafe.Add(ref escapes, (int)(0x80 | ((c >> 6) & 0x3F))));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 6), Unsafe.Add(ref escapes, (int)(0x80 | (c & 0x3F))));
                    n += 9;
                }
                else if (char.IsHighSurrogate((char)c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    uint codePoint = (uint)char.ConvertToUtf32((char)c, text[i + 1]);
                    i++;
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n), Unsafe.Add(ref escapes, (int)(0xF0 | (codePoint >> 18))));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 3), Unsafe.Add(ref escapes, (int)(0x80 | ((codePoint >> 12) & 0x3F))));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 6), Unsafe.Add(ref escapes, (int)(0x80 | ((codePoint >> 6) & 0x3F))));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 9), Unsafe.Add(ref escapes, (int)(0x80 | (codePoint & 0x3F))));
                    n += 12;
                }
                else
                {
                    // A lone surrogate: U+FFFD, EF BF BD.
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n), Unsafe.Add(ref escapes, 0xEF));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 3), Unsafe.Add(ref escapes, 0xBF));
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, n + 6), Unsafe.Add(ref escapes, 0xBD));
                    n += 9;
                }
            }

            output.Advance(n);
            return true;
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

        private static byte[] BuildAsciiTables(uint[] forms)
        {
            var lengths = new byte[128];
            Span<byte> bytes = stackalloc byte[8];
            for (int c = 0; c < 128; c++)
            {
                bytes.Clear();
                int length = EncodeByte(bytes, (byte)c, twice: false);
                forms[c] = MemoryMarshal.Read<uint>(bytes);
                lengths[c] = (byte)(length | (JsonPlainText.IsPlain(((char)c).ToString()) ? 0 : JsonEscapedFlag));
            }

            return lengths;
        }

        private static uint[] BuildEscapedBytes()
        {
            var escaped = new uint[256];
            Span<byte> bytes = stackalloc byte[4];
            for (int b = 0; b < 256; b++)
            {
                bytes.Clear();
                Escape(bytes, 0, (byte)b, twice: false);
                escaped[b] = MemoryMarshal.Read<uint>(bytes);
            }

            return escaped;
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
