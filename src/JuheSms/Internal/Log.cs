using System;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// The client's log events (fixed ids). Redaction by construction: callers pass the masked mobile
    /// (<c>SmsRules.MaskMobile</c>, <c>138****8000</c>) and no event takes the key or the variables.
    /// </summary>
    internal static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "SmsSending", Level = LogLevel.Debug,
            Message = "Sending SMS to {MaskedMobile} with template {TplId} (attempt {Attempt})")]
        public static partial void Sending(ILogger logger, string maskedMobile, int tplId, int attempt);

        [LoggerMessage(EventId = 2, EventName = "SmsAccepted", Level = LogLevel.Information,
            Message = "SMS to {MaskedMobile} with template {TplId} accepted: sid {Sid}, count {Count}, fee {Fee}")]
        public static partial void Accepted(ILogger logger, string maskedMobile, int tplId, string sid, int count, int fee);

        [LoggerMessage(EventId = 3, EventName = "SmsRefused", Level = LogLevel.Warning,
            Message = "SMS to {MaskedMobile} with template {TplId} refused by the provider: error {ErrorCode} ({Error}): {Reason}")]
        public static partial void Refused(ILogger logger, string maskedMobile, int tplId, int errorCode, JuheSmsError error, string reason);

        [LoggerMessage(EventId = 4, EventName = "SmsTransportFailed", Level = LogLevel.Error,
            Message = "No response for SMS to {MaskedMobile} with template {TplId} (time-out: {IsTimeout}; the provider may have received it: {RequestMayHaveBeenReceived})")]
        public static partial void TransportFailed(ILogger logger, string maskedMobile, int tplId, bool isTimeout, bool requestMayHaveBeenReceived, Exception exception);

        [LoggerMessage(EventId = 5, EventName = "SmsUnexpectedResponse", Level = LogLevel.Error,
            Message = "Unexpected response for SMS to {MaskedMobile} with template {TplId}: HTTP {StatusCode}, {Problem}")]
        public static partial void UnexpectedResponse(ILogger logger, string maskedMobile, int tplId, int statusCode, string problem);

        [LoggerMessage(EventId = 6, EventName = "SmsRetrying", Level = LogLevel.Information,
            Message = "Retrying SMS to {MaskedMobile} with template {TplId} after retryable error {ErrorCode}, in {Delay} (retry {Retry} of {MaxRetries})")]
        public static partial void Retrying(ILogger logger, string maskedMobile, int tplId, int errorCode, TimeSpan delay, int retry, int maxRetries);

        [LoggerMessage(EventId = 7, EventName = "SmsAcceptedWithoutResult", Level = LogLevel.Warning,
            Message = "SMS to {MaskedMobile} with template {TplId} accepted (error_code 0) but the response had no result object; count, fee and sid are unknown")]
        public static partial void AcceptedWithoutResult(ILogger logger, string maskedMobile, int tplId);

        [LoggerMessage(EventId = 8, EventName = "SmsCanceled", Level = LogLevel.Information,
            Message = "SMS to {MaskedMobile} with template {TplId} canceled by the caller (the provider may have received it: {RequestMayHaveBeenReceived})")]
        public static partial void Canceled(ILogger logger, string maskedMobile, int tplId, bool requestMayHaveBeenReceived);

        [LoggerMessage(EventId = 9, EventName = "SmsThrottled", Level = LogLevel.Warning,
            Message = "SMS to {MaskedMobile} with template {TplId} not sent: the limit of {Limit} would be exceeded; it reopens at {RetryAt}")]
        public static partial void Throttled(ILogger logger, string maskedMobile, int tplId, string limit, DateTimeOffset retryAt);

        [LoggerMessage(EventId = 10, EventName = "SmsMarketingHoursRefused", Level = LogLevel.Warning,
            Message = "Marketing SMS to {MaskedMobile} with template {TplId} not sent: {AttemptedAt} is outside 08:30-21:30 China time; next allowed at {NextAllowedAt}")]
        public static partial void MarketingHoursRefused(ILogger logger, string maskedMobile, int tplId, DateTimeOffset attemptedAt, DateTimeOffset nextAllowedAt);

        [LoggerMessage(EventId = 11, EventName = "SmsGuardSlotReleased", Level = LogLevel.Debug,
            Message = "Send guard slot of {MaskedMobile} released: the provider did not send the SMS with template {TplId}")]
        public static partial void SlotReleased(ILogger logger, string maskedMobile, int tplId);

        [LoggerMessage(EventId = 12, EventName = "SmsGuardSlotReleaseFailed", Level = LogLevel.Warning,
            Message = "Send guard slot of {MaskedMobile} (template {TplId}) could not be released; it stays counted until it expires")]
        public static partial void SlotReleaseFailed(ILogger logger, string maskedMobile, int tplId, Exception exception);

        [LoggerMessage(EventId = 13, EventName = "SmsRepeatStopped", Level = LogLevel.Warning,
            Message = "A repeat of the request for SMS to {MaskedMobile} with template {TplId} (attempt {Attempt}, repeat {Repeat}) by {RetryingHandler} was stopped before it left: the first request may have been accepted. The caller gets the first outcome ({FirstOutcome})")]
        public static partial void RepeatStopped(ILogger logger, string maskedMobile, int tplId, int attempt, int repeat, string retryingHandler, string firstOutcome);
    }
}
