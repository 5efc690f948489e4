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
        private readonly int[] _byteToChar;
        private SourceText? _sourceText;

        public SourceMap(string filePath, string text)
        {
            FilePath = filePath;
            Text = text;

            int first = 0;
            while (first < text.Length && text[first] == '\uFEFF')
            {
                first++;
            }

            // Encode by hand rather than with Encoding.UTF8 so that the byte counts below are exactly the ones used
            // (a lone surrogate becomes U+FFFD, 3 bytes, like the encoder's replacement fallback).
            var bytes = new byte[(text.Length - first) * 3];
            var byteToChar = new int[bytes.Length + 1];
            int b = 0;
            for (int i = first; i < text.Length; i++)
            {
                char c = text[i];
                int charIndex = i;
                if (c < 0x80)
                {
                    byteToChar[b] = charIndex;
                    bytes[b++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    byteToChar[b] = byteToChar[b + 1] = charIndex;
                    bytes[b++] = (byte)(0xC0 | (c >> 6));
                    bytes[b++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int cp = char.ConvertToUtf32(c, text[i + 1]);
                    if (bytes.Length < b + 4)
                    {
                        Array.Resize(ref bytes, bytes.Length + 4);
                        Array.Resize(ref byteToChar, byteToChar.Length + 4);
                    }

                    byteToChar[b] = byteToChar[b + 1] = byteToChar[b + 2] = byteToChar[b + 3] = charIndex;
                    bytes[b++] = (byte)(0xF0 | (cp >> 18));
                    bytes[b++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    bytes[b++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[b++] = (byte)(0x80 | (cp & 0x3F));
                    i++;
                }
                else
                {
                    int cp = char.IsSurrogate(c) ? 0xFFFD : c;
                    byteToChar[b] = byteToChar[b + 1] = byteToChar[b + 2] = charIndex;
                    bytes[b++] = (byte)(0xE0 | (cp >> 12));
                    bytes[b++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[b++] = (byte)(0x80 | (cp & 0x3F));
                }
            }

            Array.Resize(ref bytes, b);
            byteToChar[b] = text.Length;
            Array.Resize(ref byteToChar, b + 1);
            Utf8 = bytes;
            _byteToChar = byteToChar;
        }

        public string FilePath { get; }

        public string Text { get; }

        public byte[] Utf8 { get; }

        /// <summary>The character index of the character that holds byte <paramref name="byteOffset"/> (clamped).</summary>
        public int CharAt(long byteOffset)
        {
            if (byteOffset <= 0)
            {
                return _byteToChar[0];
            }

            return byteOffset >= _byteToChar.Length ? Text.Length : _byteToChar[byteOffset];
        }

        /// <summary>The byte offset of a reader position given as (line, byte in line), both zero-based, lines split at '\n'.</summary>
        public long ByteOffsetOf(long line, long bytePositionInLine)
        {
            long offset = 0;
            for (long seen = 0; seen < line && offset < Utf8.Length; offset++)
            {
                if (Utf8[offset] == (byte)'\n')
                {
                    seen++;
                }
            }

            return Math.Min(Utf8.Length, offset + Math.Max(0, bytePositionInLine));
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
    }
}
