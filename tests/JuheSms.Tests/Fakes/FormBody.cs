using System;
using System.Collections.Generic;

namespace JuheSms.Tests.Fakes
{
    /// <summary>
    /// An independent decoder of <c>application/x-www-form-urlencoded</c> and of <c>tpl_value</c>, written from the
    /// specifications (not from the client's writer) so that the round-trip tests prove something.
    /// </summary>
    public static class FormBody
    {
        public static IReadOnlyDictionary<string, string> Parse(string body)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (body.Length == 0)
            {
                return fields;
            }

            foreach (string pair in body.Split('&'))
            {
                int eq = pair.IndexOf('=');
                string name = eq < 0 ? pair : pair.Substring(0, eq);
                string value = eq < 0 ? string.Empty : pair.Substring(eq + 1);
                fields.Add(DecodeFormComponent(name), DecodeFormComponent(value));
            }

            return fields;
        }

        public static string DecodeFormComponent(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

        /// <summary>Decodes a form-decoded <c>tpl_value</c> (<c>#name#=value&amp;...</c>, each part percent-encoded) the way the page describes.</summary>
        public static IReadOnlyDictionary<string, string> ParseTplValue(string tplValue)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            if (tplValue.Length == 0)
            {
                return variables;
            }

            foreach (string pair in tplValue.Split('&'))
            {
                int eq = pair.IndexOf("#=", StringComparison.Ordinal);
                if (!pair.StartsWith("#", StringComparison.Ordinal) || eq < 0)
                {
                    throw new FormatException($"Not a #name#=value pair: '{pair}'.");
                }

                string name = Uri.UnescapeDataString(pair.Substring(1, eq - 1));
                string value = Uri.UnescapeDataString(pair.Substring(eq + 2));
                variables.Add(name, value);
            }

            return variables;
        }
    }
}
