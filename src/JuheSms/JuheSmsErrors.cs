using System.Collections.Generic;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// The provider's error table (its page, "错误码参照"): what each <c>error_code</c> means, its level, and whether the
    /// provider says to retry. Used by <see cref="JuheSmsException"/>; public so that tests and stand-ins can use the same table.
    /// </summary>
    public static class JuheSmsErrors
    {
        private sealed class Entry
        {
            public Entry(JuheSmsError error, string providerReason)
            {
                Error = error;
                ProviderReason = providerReason;
            }

            public JuheSmsError Error { get; }

            public string ProviderReason { get; }
        }

        // One row per code on the page, in the page's order; the Chinese text is the page's own wording. The descriptions
        // are resources (Strings.resx: Error{code}), in English and Chinese.
        private static readonly Dictionary<int, Entry> Table = new Dictionary<int, Entry>
        {
            [205401] = new Entry(JuheSmsError.InvalidMobile, "错误的手机号码"),
            [205402] = new Entry(JuheSmsError.InvalidTemplateId, "错误的短信模板ID"),
            [205403] = new Entry(JuheSmsError.NetworkError, "网络错误,请重试"),
            [205404] = new Entry(JuheSmsError.SendFailed, "发送失败,具体原因请参考返回reason"),
            [205405] = new Entry(JuheSmsError.MobileAbnormalOrTooFrequent, "号码异常/同一号码发送次数过于频繁"),
            [205406] = new Entry(JuheSmsError.TemplateNotSupported, "不被支持的模板"),
            [205407] = new Entry(JuheSmsError.TooManyMobiles, "批量发送号码超限"),
            [205408] = new Entry(JuheSmsError.InsufficientQuota, "批量发送库存次数不足"),
            [205409] = new Entry(JuheSmsError.SystemBusy, "系统繁忙,请稍后重试"),
            [205410] = new Entry(JuheSmsError.WrongRequestMethod, "请求方法错误"),
            [10001] = new Entry(JuheSmsError.InvalidKey, "错误的请求KEY"),
            [10002] = new Entry(JuheSmsError.KeyNotPermitted, "该KEY无请求权限"),
            [10003] = new Entry(JuheSmsError.KeyExpired, "KEY过期"),
            [10004] = new Entry(JuheSmsError.InvalidOpenId, "错误的OPENID"),
            [10005] = new Entry(JuheSmsError.ApplicationNotReviewed, "应用未审核超时,请提交认证"),
            [10007] = new Entry(JuheSmsError.UnknownRequestSource, "未知的请求源"),
            [10008] = new Entry(JuheSmsError.IpBanned, "被禁止的IP"),
            [10009] = new Entry(JuheSmsError.KeyBanned, "被禁止的KEY"),
            [10011] = new Entry(JuheSmsError.IpRequestLimitExceeded, "当前IP请求超过限制"),
            [10012] = new Entry(JuheSmsError.RequestLimitExceeded, "请求超过次数限制"),
            [10013] = new Entry(JuheSmsError.TestKeyRequestLimitExceeded, "测试KEY超过请求限制"),
            [10014] = new Entry(JuheSmsError.InternalSystemError, "系统内部异常"),
            [10020] = new Entry(JuheSmsError.ApiUnderMaintenance, "接口维护"),
            [10021] = new Entry(JuheSmsError.ApiDisabled, "接口停用"),
        };

        /// <summary>Every code the provider's page lists, service level first, ascending.</summary>
        public static IReadOnlyList<int> DocumentedCodes { get; } = new[]
        {
            205401, 205402, 205403, 205404, 205405, 205406, 205407, 205408, 205409, 205410,
            10001, 10002, 10003, 10004, 10005, 10007, 10008, 10009, 10011, 10012, 10013, 10014, 10020, 10021,
        };

        /// <summary>
        /// The <see cref="JuheSmsError"/> member of <paramref name="errorCode"/>: <see cref="JuheSmsError.None"/> for 0,
        /// <see cref="JuheSmsError.Unknown"/> for a code the page does not list.
        /// </summary>
        public static JuheSmsError GetError(int errorCode)
        {
            if (errorCode == 0)
            {
                return JuheSmsError.None;
            }

            return Table.TryGetValue(errorCode, out Entry? entry) ? entry.Error : JuheSmsError.Unknown;
        }

        /// <summary>
        /// A short description of the documented meaning of <paramref name="errorCode"/>, in the current UI culture when there
        /// is a translation (Chinese for <c>zh-Hans</c>), else in English.
        /// </summary>
        public static string Describe(int errorCode) => Strings.ErrorDescription(errorCode, Table.ContainsKey(errorCode));

        /// <summary>The page's own (Chinese) text for <paramref name="errorCode"/>, or null when the page does not list it.</summary>
        public static string? GetProviderReason(int errorCode)
            => Table.TryGetValue(errorCode, out Entry? entry) ? entry.ProviderReason : null;

        /// <summary>
        /// True for a system-level code. The page's code layout: the first digit is the level, <c>2</c> = service,
        /// <c>1</c> = system (the system codes are 5-digit, 10001...).
        /// </summary>
        public static bool IsSystemLevel(int errorCode) => errorCode > 0 && FirstDigit(errorCode) == 1;

        /// <summary>
        /// True only where the provider's page says to retry, which means it did not send: <c>205403</c> (网络错误,请重试,
        /// "network error, please retry") and <c>205409</c> (系统繁忙,请稍后重试, "system busy, retry later").
        /// Not <c>10014</c> (internal system error): the page warns to check the outcome before retrying, so the message may
        /// have gone out. Not the rate limits (<c>205405</c>, <c>10011</c>-<c>10013</c>) or maintenance (<c>10020</c>):
        /// an immediate retry cannot succeed and may get the number or key blocked.
        /// </summary>
        public static bool IsRetryable(int errorCode) => errorCode == 205403 || errorCode == 205409;

        private static int FirstDigit(int value)
        {
            while (value >= 10)
            {
                value /= 10;
            }

            return value;
        }
    }
}
