using System;

namespace JuheSms.Generators.Tests.Infrastructure
{
    /// <summary>
    /// A test text with one span marked <c>[|...|]</c>: the text without the markers, and the span's 1-based line/column
    /// (columns in UTF-16 units, lines split at CRLF, LF or CR, as Roslyn and the editors count them).
    /// </summary>
    internal sealed class Marked
    {
        private Marked(string text, int startLine, int startColumn, int endLine, int endColumn)
        {
            Text = text;
            StartLine = startLine;
            StartColumn = startColumn;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public string Text { get; }

        public int StartLine { get; }

        public int StartColumn { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        public static Marked Parse(string marked)
        {
            int start = marked.IndexOf("[|", StringComparison.Ordinal);
            int end = marked.IndexOf("|]", StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                throw new ArgumentException("The text needs one [|...|] span.", nameof(marked));
            }

            string text = marked.Substring(0, start) + marked.Substring(start + 2, end - start - 2) + marked.Substring(end + 2);
            int endInText = end - 2;
            (int l1, int c1) = Position(text, start);
            (int l2, int c2) = Position(text, endInText);
            return new Marked(text, l1, c1, l2, c2);
        }

        private static (int Line, int Column) Position(string text, int index)
        {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                if (text[i] == '\n' || text[i] == '\r')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, index - lineStart + 1);
        }
    }
}
