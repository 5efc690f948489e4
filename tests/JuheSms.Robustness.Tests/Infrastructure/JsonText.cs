namespace JuheSms.Robustness.Tests.Infrastructure
{
    /// <summary>Text-level JSON helpers for the mutators: they work on any text, valid JSON or not.</summary>
    internal static class JsonText
    {
        /// <summary>
        /// The index just past the value that starts at <paramref name="start"/>: the first <c>,</c> (or, when
        /// <paramref name="stopAtNewline"/>, line break) or unmatched closing bracket outside strings and nested
        /// brackets; the text's length when there is none.
        /// </summary>
        public static int EndOfValue(string text, int start, bool stopAtNewline)
        {
            int depth = 0;
            bool inString = false;
            for (int end = start; end < text.Length; end++)
            {
                char ch = text[end];
                if (inString)
                {
                    if (ch == '\\')
                    {
                        end++;
                    }
                    else if (ch == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (ch == '"')
                {
                    inString = true;
                }
                else if (ch == '{' || ch == '[')
                {
                    depth++;
                }
                else if (ch == '}' || ch == ']')
                {
                    if (depth == 0)
                    {
                        return end;
                    }

                    depth--;
                }
                else if (depth == 0 && (ch == ',' || (stopAtNewline && ch == '\n')))
                {
                    return end;
                }
            }

            return text.Length;
        }
    }
}
