using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace JuheSms.Generators.Parsing
{
    /// <summary>Turning template and variable names into C# names.</summary>
    internal static class CSharpNames
    {
        /// <summary>A name usable as is: a valid identifier that is not a reserved keyword.</summary>
        public static bool IsPlainIdentifier(string name)
            => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

        /// <summary>True for a namespace made of plain identifiers separated by dots.</summary>
        public static bool IsValidNamespace(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (string part in name.Split('.'))
            {
                if (!IsPlainIdentifier(part))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The name with its first letter upper-cased (invariant): <c>orderShipped</c> → <c>OrderShipped</c>.</summary>
        public static string ToPascal(string name)
            => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

        /// <summary>
        /// A camelCase parameter identifier for a variable name: words split at characters that cannot be in an
        /// identifier and at '_' (<c>order_no</c> → <c>orderNo</c>, <c>Code</c> → <c>code</c>), a keyword escaped with '@'.
        /// Null when nothing usable is left (e.g. <c>1st</c>): the file must then give <c>parameter</c>.
        /// </summary>
        public static string? ToParameterName(string name)
        {
            if (IsCamelIdentifierPart(name))
            {
                // Nothing to split or lower-case: the result would equal the name (the usual case, e.g. "code").
                return SyntaxFacts.IsValidIdentifier(name) ? EscapeKeyword(name) : null;
            }

            var builder = new StringBuilder(name.Length);
            bool upperNext = false;
            foreach (char c in name)
            {
                if (c == '_' || !SyntaxFacts.IsIdentifierPartCharacter(c))
                {
                    upperNext = builder.Length > 0;
                    continue;
                }

                if (builder.Length == 0)
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                }

                upperNext = false;
            }

            string result = builder.ToString();
            if (!SyntaxFacts.IsValidIdentifier(result))
            {
                return null;
            }

            return EscapeKeyword(result);
        }

        /// <summary>True when <paramref name="name"/> is non-empty, starts lower-case (invariant) and holds only identifier characters other than '_'.</summary>
        private static bool IsCamelIdentifierPart(string name)
        {
            if (name.Length == 0 || char.ToLowerInvariant(name[0]) != name[0])
            {
                return false;
            }

            foreach (char c in name)
            {
                if (c == '_' || !SyntaxFacts.IsIdentifierPartCharacter(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Prefixes '@' to a reserved keyword: <c>class</c> → <c>@class</c>.</summary>
        public static string EscapeKeyword(string identifier)
            => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

        /// <summary>The identifier without a leading '@'.</summary>
        public static string Unescape(string identifier)
            => identifier.Length > 0 && identifier[0] == '@' ? identifier.Substring(1) : identifier;

        public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
