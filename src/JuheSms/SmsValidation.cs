using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// The input checks the client applies before any network call, public so that generated code and
    /// applications can check early. Each throws an <see cref="ArgumentException"/> naming the parameter.
    /// </summary>
    public static class SmsValidation
    {
        /// <summary>
        /// Returns the normalised mainland mobile number (11 digits) for <paramref name="mobile"/>, which may carry a
        /// <c>+86</c>/<c>86</c>/<c>0086</c> prefix, spaces and dashes.
        /// </summary>
        /// <exception cref="ArgumentException">It is not a mainland China mobile number.</exception>
        public static string NormalizeMobile(string? mobile, string parameterName = "mobile")
        {
            if (mobile is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            if (!SmsRules.TryNormalizeMobile(mobile, out string normalized))
            {
                throw new ArgumentException(Strings.MobileNotMainland(SmsRules.MaskMobile(mobile)), parameterName);
            }

            return normalized;
        }

        /// <summary>True when <paramref name="mobile"/> is a mainland China mobile number (after normalisation).</summary>
        public static bool IsMainlandMobile(string? mobile) => SmsRules.TryNormalizeMobile(mobile, out _);

        /// <summary>Checks that a template id is positive.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="tplId"/> is zero or negative.</exception>
        public static void EnsureTplId(int tplId, string parameterName = "tplId")
        {
            if (tplId <= 0)
            {
                throw new ArgumentOutOfRangeException(parameterName, tplId, Strings.TplIdNotPositive);
            }
        }

        /// <summary>Checks an optional extension code: null, or 1–9 digits.</summary>
        /// <exception cref="ArgumentException"><paramref name="ext"/> is not 1–9 digits.</exception>
        public static void EnsureExt(string? ext, string parameterName = "ext")
        {
            if (ext is not null && !SmsRules.IsValidExt(ext))
            {
                throw new ArgumentException(Strings.ExtInvalid(SmsRules.MaxExtDigits, ext), parameterName);
            }
        }

        /// <summary>
        /// Checks a variable value: not null, and free of the characters a value must never hold —
        /// <c>#</c> (it could form another placeholder), the signature brackets <c>【</c> <c>】</c>, and control characters.
        /// Returns the value.
        /// </summary>
        /// <exception cref="ArgumentException">The value is null or holds an unsafe character.</exception>
        public static string EnsureSafeValue(string? value, string parameterName)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName, Strings.ValueNull);
            }

            int index = SmsRules.IndexOfUnsafeValueChar(value);
            if (index >= 0)
            {
                throw new ArgumentException(Strings.ValueUnsafeChar(value[index], index), parameterName);
            }

            return value;
        }

        /// <summary>
        /// Checks the value of a template variable as the generated methods do, and returns the text sent to the provider:
        /// safe characters (see <see cref="EnsureSafeValue"/>), at most <paramref name="maxLength"/> characters, and a match
        /// of <paramref name="pattern"/> when there is one. The generated code calls it; applications can too.
        /// </summary>
        /// <param name="value">The value.</param>
        /// <param name="parameterName">The parameter the value came from, named by the exception.</param>
        /// <param name="variableName">The variable's name in the template (without the <c>#</c>s), for the message.</param>
        /// <param name="maxLength">The most characters the value may have (<see cref="int.MaxValue"/>: no limit).</param>
        /// <param name="pattern">The regular expression the value must match, or null.</param>
        /// <returns><paramref name="value"/>.</returns>
        /// <exception cref="ArgumentException">The value is null, holds an unsafe character, is too long or does not match.</exception>
        [EditorBrowsable(EditorBrowsableState.Advanced)]
        public static string EnsureTemplateValue(string? value, string parameterName, string variableName, int maxLength = int.MaxValue, Regex? pattern = null)
            => EnsureLengthAndPattern(EnsureSafeValue(value, parameterName), parameterName, variableName, maxLength, pattern);

        /// <summary>
        /// Checks an integer template variable as the generated methods do, and returns its invariant text, which is sent:
        /// at most <paramref name="maxLength"/> characters (the minus sign included) and a match of <paramref name="pattern"/>.
        /// </summary>
        /// <param name="value">The value.</param>
        /// <param name="parameterName">The parameter the value came from, named by the exception.</param>
        /// <param name="variableName">The variable's name in the template (without the <c>#</c>s), for the message.</param>
        /// <param name="maxLength">The most characters the value's text may have (<see cref="int.MaxValue"/>: no limit).</param>
        /// <param name="pattern">The regular expression the value's text must match, or null.</param>
        /// <returns>The value's invariant text.</returns>
        /// <exception cref="ArgumentException">The text is too long or does not match.</exception>
        [EditorBrowsable(EditorBrowsableState.Advanced)]
        public static string EnsureTemplateValue(long value, string parameterName, string variableName, int maxLength = int.MaxValue, Regex? pattern = null)
            => EnsureLengthAndPattern(value.ToString(CultureInfo.InvariantCulture), parameterName, variableName, maxLength, pattern);

        private static string EnsureLengthAndPattern(string text, string parameterName, string variableName, int maxLength, Regex? pattern)
        {
            if (text.Length > maxLength)
            {
                throw new ArgumentException(Strings.ValueTooLong(parameterName, variableName, maxLength, text.Length), parameterName);
            }

            if (pattern is not null && !pattern.IsMatch(text))
            {
                throw new ArgumentException(Strings.ValuePatternMismatch(parameterName, variableName, pattern), parameterName);
            }

            return text;
        }

        /// <summary>True when <paramref name="value"/> holds none of the unsafe characters (see <see cref="EnsureSafeValue"/>).</summary>
        public static bool IsSafeValue(string? value) => value is not null && SmsRules.IndexOfUnsafeValueChar(value) < 0;

        /// <summary>
        /// Checks a template variable name (without the <c>#</c>): not null or empty, and free of <c>#</c>, <c>&amp;</c>,
        /// <c>=</c>, white space and control characters — the characters that delimit <c>#name#=value&amp;...</c> in
        /// <c>tpl_value</c> and the placeholder in the template. Returns the name.
        /// </summary>
        /// <exception cref="ArgumentException">The name is null, empty or holds one of those characters.</exception>
        public static string EnsureVariableName(string? name, string parameterName = "variables")
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException(Strings.VariableNameEmpty, parameterName);
            }

            int index = SmsRules.IndexOfInvalidVariableNameChar(name!);
            if (index >= 0)
            {
                throw new ArgumentException(Strings.VariableNameInvalidChar(name!, name![index], index), parameterName);
            }

            return name!;
        }

        /// <summary>
        /// Checks one template variable: its name (see <see cref="EnsureVariableName"/>) and its value (see
        /// <see cref="EnsureSafeValue"/>), and that the value is well-formed UTF-16 (no lone surrogate, which has no UTF-8 form).
        /// The message names the variable.
        /// </summary>
        /// <exception cref="ArgumentException">The name or the value is not valid.</exception>
        public static void EnsureVariable(string? name, string? value, string parameterName = "variables")
        {
            string checkedName = EnsureVariableName(name, parameterName);
            if (value is null)
            {
                throw new ArgumentNullException(parameterName, Strings.VariableValueNull(checkedName));
            }

            int index = SmsRules.IndexOfUnsafeValueChar(value);
            if (index >= 0)
            {
                throw new ArgumentException(Strings.VariableValueUnsafeChar(checkedName, value[index], index), parameterName);
            }

            index = SmsRules.IndexOfLoneSurrogate(value);
            if (index >= 0)
            {
                throw new ArgumentException(Strings.VariableValueLoneSurrogate(checkedName, value[index], index), parameterName);
            }
        }
    }
}
