using System;
using JuheSms.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// The UTF-8 bytes that Utf8JsonReader reads, and the way back from a byte offset to the character position,
    /// line and column an editor shows. Handles a leading BOM (U+FEFF, which the reader refuses), any line ends
    /// (lines come from Roslyn's own <see cref="SourceText"/>, as in the IDE) and non-ASCII text (1-4 bytes a character).
    /// </summary>
    internal sealed class SourceMap
    {
        private readonly int _first;
        private SourceText? _sourceText;

        // CharAt's cursor: the character _cursorChar starts at byte _cursorByte. The reader asks for positions in order,
        // so each lookup walks forward from the previous one (a lookup behind the cursor restarts from the first character).
        private int _cursorChar;
        private long _cursorByte;
        private byte[] _utf8;
        private readonly int _utf8Length;

        public SourceMap(string filePath, string text)
        {
            FilePath = filePath;
            Text = text;

            int first = 0;
            while (first < text.Length && text[first] == '\uFEFF')
            {
                first++;
            }

            _first = first;
            _cursorChar = first;

            // Encode by hand rather than with Encoding.UTF8 so that the byte counts are exactly the ones CharAt walks
            // (a lone surrogate becomes U+FFFD, 3 bytes, like the encoder's replacement fallback).
            int length = 0;
            for (int i = first; i < text.Length; i += CharCount(text, i))
            {
                length += ByteCount(text, i);
            }

            // Rented: a large file's bytes would otherwise be a new large-object-heap array on every run, and those
            // allocations set off full collections while the tree of a large file is alive. Released by ReleaseUtf8.
            byte[] bytes = length == 0 ? Array.Empty<byte>() : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
            int b = 0;
            for (int i = first; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    bytes[b++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    bytes[b++] = (byte)(0xC0 | (c >> 6));
                    bytes[b++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (IsPair(text, i))
                {
                    int cp = char.ConvertToUtf32(c, text[i + 1]);
                    bytes[b++] = (byte)(0xF0 | (cp >> 18));
                    bytes[b++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    bytes[b++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[b++] = (byte)(0x80 | (cp & 0x3F));
                    i++;
                }
                else
                {
                    int cp = char.IsSurrogate(c) ? 0xFFFD : c;
                    bytes[b++] = (byte)(0xE0 | (cp >> 12));
                    bytes[b++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[b++] = (byte)(0x80 | (cp & 0x3F));
                }
            }

            _utf8 = bytes;
            _utf8Length = length;
        }

        public string FilePath { get; }

        public string Text { get; }

        /// <summary>The text's UTF-8 bytes, until <see cref="ReleaseUtf8"/>.</summary>
        public ReadOnlySpan<byte> Utf8 => new ReadOnlySpan<byte>(_utf8, 0, _utf8Length);

        /// <summary>Returns the rented bytes; <see cref="Utf8"/> is empty afterwards (<see cref="CharAt"/> still works).</summary>
        public void ReleaseUtf8()
        {
            byte[] bytes = _utf8;
            _utf8 = Array.Empty<byte>();
            if (bytes.Length > 0)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        /// <summary>The character index of the character that holds byte <paramref name="byteOffset"/> (clamped).</summary>
        public int CharAt(long byteOffset)
        {
            if (byteOffset <= 0)
            {
                return _utf8Length == 0 ? Text.Length : _first;
            }

            if (byteOffset >= _utf8Length)
            {
                return Text.Length;
            }

            if (byteOffset < _cursorByte)
            {
                _cursorChar = _first;
                _cursorByte = 0;
            }

            // Walk whole characters while the next one starts at or before the byte asked for.
            while (true)
            {
                int bytes = ByteCount(Text, _cursorChar);
                if (_cursorByte + bytes > byteOffset)
                {
                    return _cursorChar;
                }

                _cursorByte += bytes;
                _cursorChar += CharCount(Text, _cursorChar);
            }
        }

        /// <summary>The byte offset of a reader position given as (line, byte in line), both zero-based, lines split at '\n'.</summary>
        public long ByteOffsetOf(long line, long bytePositionInLine)
        {
            ReadOnlySpan<byte> utf8 = Utf8;
            int offset = 0;
            for (long seen = 0; seen < line && offset < utf8.Length; offset++)
            {
                if (utf8[offset] == (byte)'\n')
                {
                    seen++;
                }
            }

            return Math.Min(utf8.Length, offset + Math.Max(0, bytePositionInLine));
        }

        /// <summary>The place of the characters [<paramref name="start"/>, <paramref name="end"/>) (clamped to the text).</summary>
        public FileSpan Span(int start, int end)
        {
            start = Math.Max(0, Math.Min(start, Text.Length));
            end = Math.Max(start, Math.Min(end, Text.Length));
            _sourceText ??= SourceText.From(Text);
            var span = TextSpan.FromBounds(start, end);
            return new FileSpan(FilePath, span, _sourceText.Lines.GetLinePositionSpan(span));
        }

        /// <summary>One character at <paramref name="start"/>, or an empty span at the end of the text.</summary>
        public FileSpan CharSpan(int start) => Span(start, start + 1);

        private static bool IsPair(string text, int i)
            => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

        /// <summary>The UTF-8 bytes of the character at <paramref name="i"/> (4 for a surrogate pair, 3 for a lone surrogate).</summary>
        private static int ByteCount(string text, int i)
        {
            char c = text[i];
            return c < 0x80 ? 1 : c < 0x800 ? 2 : IsPair(text, i) ? 4 : 3;
        }

        /// <summary>2 for a surrogate pair at <paramref name="i"/>, else 1.</summary>
        private static int CharCount(string text, int i) => IsPair(text, i) ? 2 : 1;
    }
}
