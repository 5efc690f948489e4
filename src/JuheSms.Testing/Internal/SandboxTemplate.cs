using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using JuheSms.Internal;

namespace JuheSms.Testing.Internal
{
    /// <summary>A registered template: its text, its placeholders (in order, distinct) and its own signature if it has one.</summary>
    internal sealed class SandboxTemplate
    {
        // A placeholder is #name#, name made of letters, digits and '_' (the page's examples: #code#, #name#).
        private static readonly Regex Placeholder = new Regex(@"#(\w+)#", RegexOptions.CultureInvariant);

        private SandboxTemplate(int tplId, string text, string? ownSignature, IReadOnlyList<string> variables)
        {
            TplId = tplId;
            Text = text;
            OwnSignature = ownSignature;
            Variables = variables;
        }

        public int TplId { get; }

        public string Text { get; }

        /// <summary>The leading <c>【…】</c> of <see cref="Text"/>, or null when the sandbox's signature is prepended.</summary>
        public string? OwnSignature { get; }

        public IReadOnlyList<string> Variables { get; }

        public static SandboxTemplate Create(int tplId, string text)
        {
            string? ownSignature = null;
            if (text.Length > 0 && text[0] == SmsRules.SignatureOpen)
            {
                int close = text.IndexOf(SmsRules.SignatureClose);
                if (close > 1)
                {
                    ownSignature = text.Substring(0, close + 1);
                }
            }

            var variables = new List<string>();
            foreach (Match match in Placeholder.Matches(text))
            {
                string name = match.Groups[1].Value;
                if (!variables.Contains(name))
                {
                    variables.Add(name);
                }
            }

            return new SandboxTemplate(tplId, text, ownSignature, variables);
        }

        /// <summary>The names of the placeholders without a value, in template order.</summary>
        public List<string> MissingVariables(IReadOnlyDictionary<string, string> values)
        {
            var missing = new List<string>();
            foreach (string name in Variables)
            {
                if (!values.ContainsKey(name))
                {
                    missing.Add(name);
                }
            }

            return missing;
        }

        /// <summary>
        /// Substitutes every placeholder in one pass (a value holding <c>#x#</c> is not substituted again).
        /// Every placeholder must have a value (see <see cref="MissingVariables"/>).
        /// </summary>
        public string Render(IReadOnlyDictionary<string, string> values)
            => Placeholder.Replace(Text, match => values[match.Groups[1].Value]);

        /// <summary>The signature a send of this template carries: its own, else <paramref name="sandboxSignature"/>.</summary>
        public string SignatureFor(string sandboxSignature) => OwnSignature ?? sandboxSignature;

        /// <summary>The message as the phone shows it (signature included, which is what is billed).</summary>
        public string RenderMessage(string sandboxSignature, IReadOnlyDictionary<string, string> values)
            => (OwnSignature is null ? sandboxSignature : string.Empty) + Render(values);

        public static void EnsureValidId(int tplId)
        {
            if (tplId <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tplId), tplId, TestingStrings.TplIdNotPositive);
            }
        }
    }
}
