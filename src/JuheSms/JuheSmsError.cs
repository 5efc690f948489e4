namespace JuheSms
{
    /// <summary>
    /// The provider's error codes (<c>error_code</c>), one member per code on its page, each with the code as its value.
    /// Codes <c>2xxxxx</c> are service level, codes starting with <c>1</c> (<c>10001</c>...) are system level.
    /// </summary>
    public enum JuheSmsError
    {
        /// <summary>A non-zero code that the provider's page does not list; <see cref="JuheSmsException.ErrorCode"/> keeps it.</summary>
        Unknown = -1,

        /// <summary>No provider code: the failure was an unexpected response or no response at all.</summary>
        None = 0,

        /// <summary>205401: wrong mobile number (错误的手机号码).</summary>
        InvalidMobile = 205401,

        /// <summary>205402: wrong SMS template id (错误的短信模板ID).</summary>
        InvalidTemplateId = 205402,

        /// <summary>205403: network error, please retry (网络错误,请重试). Retryable.</summary>
        NetworkError = 205403,

        /// <summary>205404: send failed, the reason text says why (发送失败,具体原因请参考返回reason).</summary>
        SendFailed = 205404,

        /// <summary>205405: number abnormal, or the same number was sent to too often (号码异常/同一号码发送次数过于频繁).</summary>
        MobileAbnormalOrTooFrequent = 205405,

        /// <summary>205406: template not supported (不被支持的模板).</summary>
        TemplateNotSupported = 205406,

        /// <summary>205407: batch send, too many numbers (批量发送号码超限).</summary>
        TooManyMobiles = 205407,

        /// <summary>205408: batch send, not enough stock left (批量发送库存次数不足).</summary>
        InsufficientQuota = 205408,

        /// <summary>205409: system busy, retry later (系统繁忙,请稍后重试). Retryable.</summary>
        SystemBusy = 205409,

        /// <summary>205410: wrong request method (请求方法错误).</summary>
        WrongRequestMethod = 205410,

        /// <summary>10001 (old 101): wrong request KEY (错误的请求KEY).</summary>
        InvalidKey = 10001,

        /// <summary>10002 (old 102): this KEY has no permission for the API (该KEY无请求权限).</summary>
        KeyNotPermitted = 10002,

        /// <summary>10003 (old 103): KEY expired (KEY过期).</summary>
        KeyExpired = 10003,

        /// <summary>10004 (old 104): wrong OPENID (错误的OPENID).</summary>
        InvalidOpenId = 10004,

        /// <summary>10005 (old 105): application not reviewed in time, submit certification (应用未审核超时,请提交认证).</summary>
        ApplicationNotReviewed = 10005,

        /// <summary>10007 (old 107): unknown request source (未知的请求源).</summary>
        UnknownRequestSource = 10007,

        /// <summary>10008 (old 108): IP banned (被禁止的IP).</summary>
        IpBanned = 10008,

        /// <summary>10009 (old 109): KEY banned (被禁止的KEY).</summary>
        KeyBanned = 10009,

        /// <summary>10011 (old 111): this IP is over its request limit (当前IP请求超过限制).</summary>
        IpRequestLimitExceeded = 10011,

        /// <summary>10012 (old 112): requests over the limit (请求超过次数限制).</summary>
        RequestLimitExceeded = 10012,

        /// <summary>10013 (old 113): test KEY over its request limit (测试KEY超过请求限制).</summary>
        TestKeyRequestLimitExceeded = 10013,

        /// <summary>10014 (old 114): internal system error (系统内部异常). Not retryable: the outcome is unknown.</summary>
        InternalSystemError = 10014,

        /// <summary>10020 (old 120): API under maintenance (接口维护).</summary>
        ApiUnderMaintenance = 10020,

        /// <summary>10021 (old 121): API disabled (接口停用).</summary>
        ApiDisabled = 10021,
    }
}
