using System;
using System.Collections.Generic;

namespace JuheSms.Internal
{
    /// <summary>The checks <see cref="JuheSmsClient"/> runs on a message before any network call.</summary>
    internal static class SmsMessageChecks
    {
        /// <summary>Checks <paramref name="message"/> and returns its normalised mobile number.</summary>
        /// <exception cref="ArgumentException">Something is invalid; the parameter name says what (<c>message</c>, <c>mobile</c>, <c>tplId</c>, <c>ext</c>, <c>idempotencyKey</c>, <c>variables</c>).</exception>
        public static string Check(SmsMessage? message)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            string mobile = SmsValidation.NormalizeMobile(message.Mobile, "mobile");
            SmsValidation.EnsureTplId(message.TplId, "tplId");
            SmsValidation.EnsureExt(message.Ext, "ext");
            IdempotencyKeyRules.EnsureKey(message.IdempotencyKey, "idempotencyKey");

            IReadOnlyDictionary<string, string> variables = message.Variables;
            if (variables is null)
            {
                throw new ArgumentNullException("variables", Strings.VariablesNull);
            }

            if (variables.GetType() == typeof(Dictionary<string, string>))
            {
                // The usual case, enumerated through its struct enumerator (the interface would box one per send).
                foreach (KeyValuePair<string, string> pair in (Dictionary<string, string>)variables)
                {
                    // One quick pass per string for the usual variable; the exact checks (and their message) otherwise.
                    if (!SmsRules.IsPlainVariable(pair.Key, pair.Value))
                    {
                        SmsValidation.EnsureVariable(pair.Key, pair.Value, "variables");
                    }
                }
            }
            else
            {
                foreach (KeyValuePair<string, string> pair in variables)
                {
                    SmsValidation.EnsureVariable(pair.Key, pair.Value, "variables");
                }
            }

            return mobile;
        }
    }
}
