using System;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>The log events of idempotent sends and of rule 4 (ids from 30).</summary>
    internal static partial class Log
    {
        [LoggerMessage(EventId = 30, EventName = "SmsIdempotentReplay", Level = LogLevel.Information,
            Message = "SMS to {MaskedMobile} with template {TplId} not sent again: its idempotency key was already sent (sid {Sid}); the first result is returned")]
        public static partial void IdempotentReplay(ILogger logger, string maskedMobile, int tplId, string sid);

        [LoggerMessage(EventId = 31, EventName = "SmsIdempotencyConflict", Level = LogLevel.Warning,
            Message = "SMS to {MaskedMobile} with template {TplId} not sent: an earlier send with its idempotency key is {State}")]
        public static partial void IdempotencyConflict(ILogger logger, string maskedMobile, int tplId, string state);

        [LoggerMessage(EventId = 32, EventName = "SmsIdempotencyRecordFailed", Level = LogLevel.Warning,
            Message = "The outcome ({Outcome}) of the SMS to {MaskedMobile} with template {TplId} could not be recorded in the idempotency store; its key stays in flight and then reads as of unknown outcome, so it is not sent again")]
        public static partial void IdempotencyRecordFailed(ILogger logger, string outcome, string maskedMobile, int tplId, Exception exception);

        [LoggerMessage(EventId = 33, EventName = "SmsMarketingBatchRule", Level = LogLevel.Warning,
            Message = "Marketing SMS to {MaskedMobile} with template {TplId}: {Problem} (refused: {Refused})")]
        public static partial void MarketingBatchRule(ILogger logger, string maskedMobile, int tplId, string problem, bool refused);
    }
}
