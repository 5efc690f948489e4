using System;
using Microsoft.Extensions.Logging;

namespace JuheSms.Redis
{
    /// <summary>The Redis guard's log events (ids from 100, apart from the client's).</summary>
    internal static partial class Log
    {
        [LoggerMessage(EventId = 101, EventName = "SmsGuardFailedOpen", Level = LogLevel.Warning,
            Message = "Redis could not be reached; the SMS send goes through without checking the frequency limits (FailOpen)")]
        public static partial void FailedOpen(ILogger logger, Exception exception);
    }
}
