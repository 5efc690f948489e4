using System;
using System.Collections.Generic;

namespace JuheSms.Testing.Internal
{
    /// <summary>
    /// Decodes <c>application/x-www-form-urlencoded</c> text (the query string and a POST body) and the provider's
    /// <c>tpl_value</c> field. Written by hand, on purpose independent of any encoder the client might use.
    /// </summary>
    internal static class FormCodec
    {
        /// <summary>
        /// Adds the pairs of <paramref name="encoded"/> to <paramref name="target"/>: pairs split on <c>&amp;</c>, name and
        /// value on the first <c>=</c>, <c>+</c> is a space, then UTF-8 percent-decoding. A repeated name keeps its last value.
        /// </summary>
        public static void ParseInto(string? encoded, IDictionary<string, string> target)
        {
            if (string.IsNullOrEmpty(encoded))
            {
                return;
            }

            string text = encoded![0] == '?' ? encoded.Substring(1) : encoded;
            foreach (string pair in text.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                int eq = pair.IndexOf('=');
                string name = eq < 0 ? pair : pair.Substring(0, eq);
                string value = eq < 0 ? string.Empty : pair.Substring(eq + 1);
                target[DecodeFormComponent(name)] = DecodeFormComponent(value);
            }
        }

        /// <summary>Form decoding: <c>+</c> becomes a space, then percent-decoding.</summary>
        public static string DecodeFormComponent(string value) => Unescape(value.Replace('+', ' '));

        /// <summary>
        /// Percent-decoding only (<c>+</c> stays <c>+</c>). Malformed escapes such as <c>%ZZ</c> are kept as they are,
        /// which is what <see cref="Uri.UnescapeDataString"/> does.
        /// </summary>
        public static string Unescape(string value)
        {
            try
            {
                return Uri.UnescapeDataString(value);
            }
            catch (UriFormatException)
            {
                // Older frameworks refuse very long strings: keep the text rather than crash the sandbox.
                return value;
            }
        }

        /// <summary>
        /// Parses the provider's <c>tpl_value</c> once the form field itself has been decoded: <c>#code#=431515&amp;#name#=...</c>.
        /// Pairs split on <c>&amp;</c>, each on its first <c>=</c>; name and value are then percent-decoded on their own
        /// (the page: a name or value holding <c>#</c>, <c>&amp;</c> or <c>=</c> is url-encoded first), without turning
        /// <c>+</c> into a space. Names must be written <c>#name#</c>, as on the page; the <c>#</c> are stripped.
        /// </summary>
        /// <returns>Null on success, else a reason in the provider's style.</returns>
        public static string? TryParseTplValue(string tplValue, IDictionary<string, string> values)
        {
            foreach (string pair in tplValue.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                int eq = pair.IndexOf('=');
                if (eq < 0)
                {
                    return $"发送失败，tpl_value 格式错误：'{pair}' 缺少 '='（应为 #name#=value）";
                }

                string name = Unescape(pair.Substring(0, eq));
                string value = Unescape(pair.Substring(eq + 1));
                if (name.Length < 3 || name[0] != '#' || name[name.Length - 1] != '#')
                {
                    return $"发送失败，tpl_value 格式错误：变量名 '{name}' 应写作 #name#";
                }

                values[name.Substring(1, name.Length - 2)] = value;
            }

            return null;
        }
    }
}
