using System;
using System.Globalization;
using System.Resources;

namespace JuheSms.Internal
{
    /// <summary>
    /// The exception messages and error descriptions of this assembly, from <c>Resources/Strings.resx</c> (English) and its
    /// translations (<c>Strings.zh-Hans.resx</c>), chosen by <see cref="CultureInfo.CurrentUICulture"/>. Each accessor is
    /// named for its resource; its arguments fill <c>{0}</c>, <c>{1}</c>... in order. What goes to logs and telemetry is
    /// read with <see cref="CultureInfo.InvariantCulture"/> (the English text), so that tools that parse them see one language.
    /// </summary>
    internal static class Strings
    {
        private static readonly ResourceManager Resources = new ResourceManager("JuheSms.Resources.Strings", typeof(Strings).Assembly);

        /// <summary>The manager, for tests that enumerate the resources.</summary>
        internal static ResourceManager Manager => Resources;

        public static string MobileNotMainland(string maskedMobile) => Format(nameof(MobileNotMainland), maskedMobile);

        public static string TplIdNotPositive => Get(nameof(TplIdNotPositive));

        public static string ExtInvalid(int maxDigits, string ext) => Format(nameof(ExtInvalid), maxDigits, ext);

        public static string ValueNull => Get(nameof(ValueNull));

        public static string ValueUnsafeChar(char c, int index) => Format(nameof(ValueUnsafeChar), DescribeChar(c), index);

        public static string ValueTooLong(string parameterName, string variableName, int maxLength, int length)
            => Format(nameof(ValueTooLong), parameterName, variableName, maxLength.ToString(CultureInfo.InvariantCulture), length.ToString(CultureInfo.InvariantCulture));

        public static string ValuePatternMismatch(string parameterName, string variableName, object pattern) => Format(nameof(ValuePatternMismatch), parameterName, variableName, pattern);

        public static string VariableNameEmpty => Get(nameof(VariableNameEmpty));

        public static string VariableNameInvalidChar(string name, char c, int index) => Format(nameof(VariableNameInvalidChar), name, DescribeChar(c), index);

        public static string VariableValueNull(string name) => Format(nameof(VariableValueNull), name);

        public static string VariableValueUnsafeChar(string name, char c, int index) => Format(nameof(VariableValueUnsafeChar), name, DescribeChar(c), index);

        public static string VariableValueLoneSurrogate(string name, char c, int index)
            => Format(nameof(VariableValueLoneSurrogate), name, ((int)c).ToString("X4", CultureInfo.InvariantCulture), index);

        public static string VariablesNull => Get(nameof(VariablesNull));

        public static string LengthNegative => Get(nameof(LengthNegative));

        public static string OptionsKeyRequired => Get(nameof(OptionsKeyRequired));

        public static string OptionsKeyWhiteSpace => Get(nameof(OptionsKeyWhiteSpace));

        public static string OptionsEndpointRequired(Uri example) => Format(nameof(OptionsEndpointRequired), example);

        public static string OptionsEndpointRelative(string endpoint, Uri example) => Format(nameof(OptionsEndpointRelative), endpoint, example);

        public static string OptionsEndpointScheme(string scheme) => Format(nameof(OptionsEndpointScheme), scheme);

        public static string OptionsEndpointQuery => Get(nameof(OptionsEndpointQuery));

        public static string OptionsTimeout(TimeSpan max, TimeSpan actual) => Format(nameof(OptionsTimeout), max, actual);

        public static string OptionsVariableEncoding(VariableEncoding actual) => Format(nameof(OptionsVariableEncoding), actual);

        public static string OptionsMaxRetries(int max, int actual) => Format(nameof(OptionsMaxRetries), max, actual);

        public static string OptionsRetryDelay(TimeSpan max, TimeSpan actual) => Format(nameof(OptionsRetryDelay), max, actual);

        public static string ProviderErrorWithReason(int errorCode, string reason, string description) => Format(nameof(ProviderErrorWithReason), errorCode, reason, description);

        public static string ProviderErrorWithoutReason(int errorCode, string description) => Format(nameof(ProviderErrorWithoutReason), errorCode, description);

        /// <summary>The description of a provider code: <c>Error{code}</c>, <c>ErrorAccepted</c> for 0, <c>ErrorUndocumented</c> otherwise.</summary>
        public static string ErrorDescription(int errorCode, bool documented)
        {
            if (errorCode == 0)
            {
                return Get("ErrorAccepted");
            }

            return documented ? Get(ErrorResourceName(errorCode)) : Get("ErrorUndocumented");
        }

        /// <summary>The resource name of a documented code's description: <c>Error205401</c>.</summary>
        public static string ErrorResourceName(int errorCode) => "Error" + errorCode.ToString(CultureInfo.InvariantCulture);

        public static string ResponseUnexpected(int status, string problem) => Format(nameof(ResponseUnexpected), status, problem);

        public static string TransportMessage(string what, string whetherSent) => Format(nameof(TransportMessage), what, whetherSent);

        public static string TransportTimeout => Get(nameof(TransportTimeout));

        public static string TransportFailed(string cause) => Format(nameof(TransportFailed), cause);

        public static string TransportRequestSent => Get(nameof(TransportRequestSent));

        public static string TransportRequestNotSent => Get(nameof(TransportRequestNotSent));

        public static string SendCanceled => Get(nameof(SendCanceled));

        public static string RepeatStopped(string retryingHandler, string maskedMobile) => Format(nameof(RepeatStopped), retryingHandler, maskedMobile);

        public static string Throttled(string? maskedMobile, string limit, string retryAt, string seconds) => Format(nameof(Throttled), maskedMobile, limit, retryAt, seconds);

        public static string LimitMaxSendsTooSmall => Get(nameof(LimitMaxSendsTooSmall));

        public static string LimitWindowOutOfRange => Get(nameof(LimitWindowOutOfRange));

        public static string GuardNoLimit => Get(nameof(GuardNoLimit));

        public static string GuardNullLimit => Get(nameof(GuardNullLimit));

        public static string GuardFailed(string cause) => Format(nameof(GuardFailed), cause);

        public static string MarketingHours(string attemptedAt, string nextAllowedAt) => Format(nameof(MarketingHours), attemptedAt, nextAllowedAt);

        public static string BatchMaxConcurrency(int max) => Format(nameof(BatchMaxConcurrency), max);

        public static string BatchFactoryReturnedNull => Get(nameof(BatchFactoryReturnedNull));

        // Idempotency keys, campaigns and rule 4 (marketing in batches).
        public static string IdempotencyConflict(string key, bool isInFlight)
            => Format(isInFlight ? "IdempotencyConflictInFlight" : "IdempotencyConflictUnknown", key);

        public static string IdempotencyStoreUnavailable(string? detail)
            => Get(nameof(IdempotencyStoreUnavailable)) + (string.IsNullOrEmpty(detail) ? string.Empty : " " + detail);

        public static string IdempotencyInMemoryStoreFull(int maxKeys) => Format(nameof(IdempotencyInMemoryStoreFull), maxKeys.ToString(CultureInfo.InvariantCulture));

        public static string IdempotencyRetentionNotPositive(TimeSpan retention) => Format(nameof(IdempotencyRetentionNotPositive), retention.ToString("c", CultureInfo.InvariantCulture));

        public static string IdempotencyMaxKeysNotPositive(int maxKeys) => Format(nameof(IdempotencyMaxKeysNotPositive), maxKeys.ToString(CultureInfo.InvariantCulture));

        public static string SettingEmpty(string setting) => Format(nameof(SettingEmpty), setting);

        public static string IdempotencyKeyEmpty => Get(nameof(IdempotencyKeyEmpty));

        public static string IdempotencyKeyTooLong(int length, int max)
            => Format(nameof(IdempotencyKeyTooLong), length.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));

        public static string IdempotencyKeyBadChar(int index, char c) => Format(nameof(IdempotencyKeyBadChar), DescribeChar(c), index.ToString(CultureInfo.InvariantCulture));

        public static string BatchIdEmpty => Get(nameof(BatchIdEmpty));

        public static string BatchIdTooLong(int length, int max)
            => Format(nameof(BatchIdTooLong), length.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));

        public static string BatchIdBadChar(int index, char c) => Format(nameof(BatchIdBadChar), DescribeChar(c), index.ToString(CultureInfo.InvariantCulture));

        /// <summary>In <paramref name="culture"/> (the current UI culture when null; the invariant, English, one for the log).</summary>
        public static string MarketingSingleSend(CultureInfo? culture = null) => Get(nameof(MarketingSingleSend), culture);

        /// <summary>In <paramref name="culture"/> (the current UI culture when null; the invariant, English, one for the log).</summary>
        public static string MarketingBatchTooFewChinaMobile(int chinaMobile, int minimum, CultureInfo? culture = null)
            => string.Format(CultureInfo.InvariantCulture, Get(nameof(MarketingBatchTooFewChinaMobile), culture), chinaMobile, minimum);

        public static string MarketingBatchRuleUndefined(SmsMarketingBatchRule rule) => Format(nameof(MarketingBatchRuleUndefined), rule);

        public static string MarketingRefusedSuffix => Get(nameof(MarketingRefusedSuffix));

        /// <summary>A character for a message: <c>'#'</c>, or its code point and name for a control character.</summary>
        public static string DescribeChar(char c)
        {
            switch (c)
            {
                case '\r': return Get("CharCarriageReturn");
                case '\n': return Get("CharLineFeed");
                case '\t': return Get("CharTab");
            }

            return char.IsControl(c)
                ? Format("CharControl", ((int)c).ToString("X4", CultureInfo.InvariantCulture))
                : Format("CharQuoted", c.ToString());
        }

        /// <summary>The text of resource <paramref name="name"/> in the current UI culture (or <paramref name="culture"/>).</summary>
        public static string Get(string name, CultureInfo? culture = null)
            => Resources.GetString(name, culture ?? CultureInfo.CurrentUICulture) ?? name;

        /// <summary>Resource <paramref name="name"/> in the current UI culture, filled with <paramref name="args"/> formatted in the current culture.</summary>
        public static string Format(string name, params object?[] args)
            => string.Format(CultureInfo.CurrentCulture, Get(name), args);

        /// <summary>Resource <paramref name="name"/> in <paramref name="culture"/>, filled with <paramref name="args"/> formatted in it too.</summary>
        public static string Format(CultureInfo culture, string name, params object?[] args)
            => string.Format(culture, Get(name, culture), args);
    }
}
