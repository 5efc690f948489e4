namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// Maps an index in a JSON string's value (escapes decoded) back to the character index in the source,
    /// so that a diagnostic can point at <c>#code#</c> inside <c>"text"</c> even after <c>\n</c> or <c>\u4F60</c> escapes.
    /// </summary>
    internal static class JsonStringMap
    {
        /// <summary>
        /// Source indexes for each value index 0..n (n = the value's length; entry n is the closing quote),
        /// for the string token whose opening quote is at <paramref name="openingQuote"/>.
        /// </summary>
        public static int[] Map(string source, int openingQuote, int valueLength)
        {
            var map = new int[valueLength + 1];
            int s = openingQuote + 1;
            int v = 0;
            for (; v < valueLength && s < source.Length; v++)
            {
                map[v] = s;
                if (source[s] == '\\' && s + 1 < source.Length)
                {
                    s += source[s + 1] == 'u' ? 6 : 2;
                }
                else
                {
                    s++;
                }
            }

            for (; v <= valueLength; v++)
            {
                map[v] = System.Math.Min(s, source.Length);
            }

            return map;
        }
    }
}
