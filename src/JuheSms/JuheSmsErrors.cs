using System.Collections.Generic;

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
            public Entry(JuheSmsError error, string description, string providerReason)
            {
                Error = error;
                Description = description;
                ProviderReason = providerReason;
            }

            public JuheSmsError Error { get; }

            public string Description { get; }

            public string ProviderReason { get; }
        }

        // One row per code on the page, in the page's order; the Chinese text is the page's own wording.
        private static readonly Dictionary<int, Entry> Table = new Dictionary<int, Entry>
        {
            [205401] = new Entry(JuheSmsError.InvalidMobile, "Wrong mobile number.", "错误的手机号码"),
            [205402] = new Entry(JuheSmsError.InvalidTemplateId, "Wrong SMS template id.", "错误的短信模板ID"),
            [205403] = new Entry(JuheSmsError.NetworkError, "Network error, please retry.", "网络错误,请重试"),
            [205404] = new Entry(JuheSmsError.SendFailed, "Send failed; the reason text says why.", "发送失败,具体原因请参考返回reason"),
            [205405] = new Entry(JuheSmsError.MobileAbnormalOrTooFrequent, "The number is abnormal, or the same number was sent to too often.", "号码异常/同一号码发送次数过于频繁"),
            [205406] = new Entry(JuheSmsError.TemplateNotSupported, "The template is not supported.", "不被支持的模板"),
            [205407] = new Entry(JuheSmsError.TooManyMobiles, "Batch send: too many numbers.", "批量发送号码超限"),
            [205408] = new Entry(JuheSmsError.InsufficientQuota, "Batch send: not enough stock (quota) left.", "批量发送库存次数不足"),
            [205409] = new Entry(JuheSmsError.SystemBusy, "System busy, retry later.", "系统繁忙,请稍后重试"),
            [205410] = new Entry(JuheSmsError.WrongRequestMethod, "Wrong request method.", "请求方法错误"),
            [10001] = new Entry(JuheSmsError.InvalidKey, "Wrong request KEY.", "错误的请求KEY"),
            [10002] = new Entry(JuheSmsError.KeyNotPermitted, "This KEY has no permission for the API.", "该KEY无请求权限"),
            [10003] = new Entry(JuheSmsError.KeyExpired, "The KEY has expired.", "KEY过期"),
            [10004] = new Entry(JuheSmsError.InvalidOpenId, "Wrong OPENID.", "错误的OPENID"),
            [10005] = new Entry(JuheSmsError.ApplicationNotReviewed, "The application was not reviewed in time; submit certification.", "应用未审核超时,请提交认证"),
            [10007] = new Entry(JuheSmsError.UnknownRequestSource, "Unknown request source.", "未知的请求源"),
            [10008] = new Entry(JuheSmsError.IpBanned, "This IP is banned.", "被禁止的IP"),
            [10009] = new Entry(JuheSmsError.KeyBanned, "This KEY is banned.", "被禁止的KEY"),
            [10011] = new Entry(JuheSmsError.IpRequestLimitExceeded, "This IP is over its request limit.", "当前IP请求超过限制"),
            [10012] = new Entry(JuheSmsError.RequestLimitExceeded, "Requests over the limit.", "请求超过次数限制"),
            [10013] = new Entry(JuheSmsError.TestKeyRequestLimitExceeded, "The test KEY is over its request limit.", "测试KEY超过请求限制"),
            [10014] = new Entry(JuheSmsError.InternalSystemError, "Internal system error.", "系统内部异常"),
            [10020] = new Entry(JuheSmsError.ApiUnderMaintenance, "The API is under maintenance.", "接口维护"),
            [10021] = new Entry(JuheSmsError.ApiDisabled, "The API is disabled.", "接口停用"),
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

        /// <summary>A short English description of the documented meaning of <paramref name="errorCode"/>.</summary>
        public static string Describe(int errorCode)
        {
            if (errorCode == 0)
            {
                return "Accepted.";
            }

            return Table.TryGetValue(errorCode, out Entry? entry)
                ? entry.Description
                : "An error code the provider's page does not document; see the reason text.";
        }

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
