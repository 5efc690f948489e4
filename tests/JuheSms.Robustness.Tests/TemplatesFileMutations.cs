using JuheSms.Robustness.Tests.Infrastructure;
using System;
using System.Text;
using CsCheck;
using JuheSms.Benchmarks.TestData;

namespace JuheSms.Robustness.Tests
{
    /// <summary>A templates file as the generator would receive it: its text, or raw bytes when the file is not valid UTF-8.</summary>
    public sealed record TemplatesInput(string Text, byte[]? Bytes, string Mutations)
    {
        /// <inheritdoc />
        public override string ToString() => Mutations + " (" + Text.Length + " chars)";
    }

    /// <summary>
    /// Generates clean templates files (1 to 6 realistic templates, see <see cref="TemplatesFileWriter"/>) and breaks them
    /// with 1 to 3 mutations: truncation, deletion, junk characters, wrong JSON types, deep nesting, huge numbers,
    /// duplicate keys and templates, invalid UTF-8, byte order marks, 1 MB strings, lone surrogates, random text.
    /// </summary>
    internal static class TemplatesFileMutations
    {
        public const int MegaByte = 1024 * 1024;

        private static readonly string[] WrongValues =
        {
            "[]", "{}", "\"x\"", "\"\"", "0", "-1", "true", "false", "null", "1e400", "-1e400", "99999999999999999999999999999",
            "2147483648", "0.5", "-0", "\"#a#\"", "\"123\"", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"\\u0000\"", "\"\\uD800\"", "NaN", "'x'",
        };

        private static readonly string[] JunkPieces =
        {
            "{", "}", "[", "]", ",", ":", "\"", "\\", "#", "\0", "\uD800", "\uDC00", "\uFEFF", "é", "中", "【", "】", "😀", "/*", "//", "\n", " ",
            "\"templates\":", "\"variables\":{", "\"tplId\":", "#code#", "##", "\u2028",
        };

        /// <summary>A clean file, mutated 1-3 times (and 1 in 12 left clean, so valid files are sampled too).</summary>
        public static readonly Gen<TemplatesInput> Mutated =
            Gen.Select(Gen.Int[1, 6], Gen.Int[0, 1_000_000], Gen.Int[0, 11], Gen.Int[0, int.MaxValue].Array[3], Gen.Int[0, int.MaxValue].Array[3], Gen.Int[0, int.MaxValue].Array[3], Gen.Int[0, int.MaxValue].Array[3])
                .Select((count, seed, mutations, kinds, a, b, c) =>
                {
                    string text = TemplatesFileWriter.Write(count, seed, ns: "Fuzz.Sms");
                    int n = mutations == 0 ? 0 : 1 + (mutations % 3);
                    var names = new StringBuilder(n == 0 ? "clean" : string.Empty);
                    byte[]? bytes = null;
                    for (int i = 0; i < n; i++)
                    {
                        int kind = kinds[i] % 1000;
                        names.Append(i == 0 ? string.Empty : "+");
                        text = Apply(text, kind, a[i], b[i], c[i], names, ref bytes);
                    }

                    return new TemplatesInput(text, bytes, names.ToString());
                });

        private static string Apply(string text, int kind, int a, int b, int c, StringBuilder name, ref byte[]? bytes)
        {
            int len = Math.Max(text.Length, 1);
            if (kind < 3)
            {
                // 0.3% of mutations (about 100 of 20,000 files): enough to prove the point, few enough to stay fast.
                name.Append("1MB-string");
                string big = new string((c % 2 == 0) ? '中' : 'a', MegaByte);
                return ReplaceNamedValue(text, (b % 4) switch { 0 => "\"text\": ", 1 => "\"name\": ", 2 => "\"namespace\": ", _ => "\"pattern\": " }, a, "\"" + big + "\"");
            }

            switch (kind / 10)
            {
                case < 12:
                    name.Append("truncate");
                    return text.Substring(0, a % len);
                case < 20:
                    name.Append("delete");
                    {
                        int start = a % len;
                        int count = Math.Min(1 + (b % 40), text.Length - start);
                        return count <= 0 ? text : text.Remove(start, count);
                    }

                case < 32:
                    name.Append("junk");
                    return text.Insert(a % (text.Length + 1), JunkPieces[b % JunkPieces.Length]);
                case < 46:
                    name.Append("wrong-type");
                    return ReplaceValue(text, a, WrongValues[b % WrongValues.Length]);
                case < 52:
                    name.Append("deep-nesting");
                    {
                        int depth = 20 + (b % 3000);
                        string nested = (c % 2 == 0)
                            ? new string('[', depth) + "1" + new string(']', depth)
                            : Repeat("{\"a\":", depth) + "1" + new string('}', depth);
                        return ReplaceValue(text, a, nested);
                    }

                case < 58:
                    name.Append("huge-number");
                    {
                        string digits = "9" + new string('9', 10 + (b % 5000));
                        return ReplaceNamedValue(text, (c % 3) switch { 0 => "\"tplId\": ", 1 => "\"maxLength\": ", _ => "\"namespace\": " }, a, (c % 2 == 0 ? "-" : string.Empty) + digits);
                    }

                case < 66:
                    name.Append("duplicate");
                    switch (b % 4)
                    {
                        case 0:
                            return InsertAfterBrace(text, a, "\"tplId\": " + (c % 1000) + ", ");
                        case 1:
                            return InsertAfterBrace(text, a, "\"name\": \"Dup\", ");
                        case 2:
                            return text.Replace("\"templates\": [", "\"templates\": [], \"templates\": [");
                        default:
                            // The first template twice: same name, same tplId.
                            int start = text.IndexOf("    {", StringComparison.Ordinal);
                            int end = start < 0 ? -1 : text.IndexOf("\n    }", start, StringComparison.Ordinal);
                            return start < 0 || end < 0 ? text : text.Insert(start, text.Substring(start, end + 6 - start) + ",\n");
                    }

                case < 72:
                    name.Append("invalid-utf8");
                    {
                        byte[] utf8 = bytes ?? Encoding.UTF8.GetBytes(text);
                        var corrupted = new byte[utf8.Length + 2];
                        int at = utf8.Length == 0 ? 0 : a % utf8.Length;
                        Array.Copy(utf8, corrupted, at);
                        byte[] bad = (b % 4) switch { 0 => new byte[] { 0xFF, 0xFE }, 1 => new byte[] { 0xC0, 0x80 }, 2 => new byte[] { 0xE4, 0xB8 }, _ => new byte[] { 0xED, 0xA0 } };
                        corrupted[at] = bad[0];
                        corrupted[at + 1] = bad[1];
                        Array.Copy(utf8, at, corrupted, at + 2, utf8.Length - at);
                        bytes = corrupted;
                        // What a lenient reader makes of it (U+FFFD); the driver test also feeds the raw bytes.
                        return Encoding.UTF8.GetString(corrupted);
                    }

                case < 81:
                    name.Append("bom");
                    return (b % 3) switch { 0 => "\uFEFF" + text, 1 => "\uFEFF\uFEFF" + text, _ => text.Insert(a % (text.Length + 1), "\uFEFF") };
                case < 86:
                    name.Append("lone-surrogate");
                    return ReplaceNamedValue(text, "\"text\": ", a, "\"#code#\uD83D\"");
                case < 92:
                    name.Append("swap-structure");
                    return (b % 3) switch
                    {
                        0 => text.Replace("\"templates\": [", "\"templates\": {"),
                        1 => text.Replace("\"variables\": {", "\"variables\": ["),
                        _ => "[" + text + "]",
                    };
                default:
                    name.Append("random");
                    {
                        var random = new Random(a);
                        var sb = new StringBuilder();
                        int length = b % 200;
                        for (int i = 0; i < length; i++)
                        {
                            sb.Append(random.Next(4) == 0 ? JunkPieces[random.Next(JunkPieces.Length)] : ((char)random.Next(0x20, 0x3000)).ToString());
                        }

                        return sb.ToString();
                    }
            }
        }

        private static string Repeat(string s, int count)
        {
            var sb = new StringBuilder(s.Length * count);
            for (int i = 0; i < count; i++)
            {
                sb.Append(s);
            }

            return sb.ToString();
        }

        /// <summary>Replaces the value after the n-th <c>": "</c> (any property) up to the next <c>,</c> or newline.</summary>
        private static string ReplaceValue(string text, int n, string value) => ReplaceNamedValue(text, "\": ", n, value);

        private static string ReplaceNamedValue(string text, string marker, int n, string value)
        {
            int occurrences = 0;
            for (int i = text.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = text.IndexOf(marker, i + 1, StringComparison.Ordinal))
            {
                occurrences++;
            }

            if (occurrences == 0)
            {
                return text;
            }

            int target = n % occurrences;
            int at = -1;
            for (int k = 0; k <= target; k++)
            {
                at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
            }

            int start = at + marker.Length;
            int end = JsonText.EndOfValue(text, start, stopAtNewline: true);

            return text.Substring(0, start) + value + text.Substring(Math.Min(end, text.Length));
        }

        private static string InsertAfterBrace(string text, int n, string insert)
        {
            int count = 0;
            for (int i = text.IndexOf('{'); i >= 0; i = text.IndexOf('{', i + 1))
            {
                count++;
            }

            if (count == 0)
            {
                return text;
            }

            int target = n % count;
            int at = -1;
            for (int k = 0; k <= target; k++)
            {
                at = text.IndexOf('{', at + 1);
            }

            return text.Insert(at + 1, insert);
        }
    }
}
