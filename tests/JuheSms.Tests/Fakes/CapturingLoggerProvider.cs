using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace JuheSms.Tests.Fakes
{
    /// <summary>One captured log entry: everything a sink could write (message, each structured value, the exception).</summary>
    public sealed class CapturedLog
    {
        public CapturedLog(string category, LogLevel level, EventId eventId, string message, IReadOnlyList<KeyValuePair<string, object?>> state, Exception? exception)
        {
            Category = category;
            Level = level;
            EventId = eventId;
            Message = message;
            State = state;
            Exception = exception;
        }

        public string Category { get; }

        public LogLevel Level { get; }

        public EventId EventId { get; }

        public string Message { get; }

        public IReadOnlyList<KeyValuePair<string, object?>> State { get; }

        public Exception? Exception { get; }

        /// <summary>All text of the entry, the way a verbose sink would write it.</summary>
        public string AllText
            => Message + "\n" + string.Join("\n", State.Select(kv => kv.Key + "=" + Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)))
               + "\n" + Exception;
    }

    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<CapturedLog> Entries { get; } = new ConcurrentQueue<CapturedLog>();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger : ILogger
        {
            private readonly CapturingLoggerProvider _provider;
            private readonly string _category;

            public CapturingLogger(CapturingLoggerProvider provider, string category)
            {
                _provider = provider;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
                => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
                _provider.Entries.Enqueue(new CapturedLog(_category, logLevel, eventId, formatter(state, exception), values.ToList(), exception));
            }
        }
    }
}
