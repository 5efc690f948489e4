using System.Linq;
using System.Text;

namespace JuheSms.Tests.Sandbox
{
    /// <summary>
    /// Builds request bodies by hand, per the provider's page, independent of the runtime client: the sandbox must
    /// understand what the page describes, not merely what our client happens to send.
    /// </summary>
    internal static class Form
    {
        /// <summary><c>application/x-www-form-urlencoded</c>: <c>name=value</c> pairs joined by <c>&amp;</c>.</summary>
        public static string Encode(params (string Name, string Value)[] fields)
            => string.Join("&", fields.Select(f => Escape(f.Name, spaceAsPlus: true) + "=" + Escape(f.Value, spaceAsPlus: true)));

        /// <summary>
        /// The page's <c>tpl_value</c> before the form encodes it: <c>#code#=431515&amp;#name#=...</c>, each value
        /// UTF-8 percent-encoded on its own (so <c>&amp;</c>, <c>=</c>, <c>%</c>, <c>+</c> and spaces survive).
        /// </summary>
        public static string TplValue(params (string Name, string Value)[] variables)
            => string.Join("&", variables.Select(v => "#" + Escape(v.Name, spaceAsPlus: false) + "#=" + Escape(v.Value, spaceAsPlus: false)));

        /// <summary>UTF-8 percent-encoding of everything but the unreserved characters of RFC 3986.</summary>
        public static string Escape(string value, bool spaceAsPlus)
        {
            var builder = new StringBuilder();
            foreach (byte b in Encoding.UTF8.GetBytes(value))
            {
                char c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~')
                {
                    builder.Append(c);
                }
                else if (c == ' ' && spaceAsPlus)
                {
                    builder.Append('+');
                }
                else
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return builder.ToString();
        }
    }
}
