using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// The opt-in retry (<see cref="JuheSmsOptions.RetryOnRetryableErrors"/>): only after a code for which the provider
    /// says it did not send (<see cref="JuheSmsException.IsRetryable"/>), at most <see cref="ClientSettings.MaxRetries"/> times.
    /// </summary>
    internal static class RetryPolicy
    {
        /// <summary>True when attempt number <paramref name="attempt"/> (1-based) failed with <paramref name="error"/> and may be repeated.</summary>
        public static bool ShouldRetry(JuheSmsException error, ClientSettings settings, int attempt)
            => error.IsRetryable && settings.MaxRetries >= attempt;

        /// <summary>Logs the retry and waits <see cref="ClientSettings.RetryDelay"/> on <paramref name="timeProvider"/>.</summary>
        public static Task WaitAsync(JuheSmsException error, ClientSettings settings, int attempt, SendContext context, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
        {
            Log.Retrying(logger, context.MaskedMobile, context.TplId, error.ErrorCode, settings.RetryDelay, attempt, settings.MaxRetries);
            if (settings.RetryDelay <= TimeSpan.Zero)
            {
                return Task.CompletedTask;
            }

#if NET8_0_OR_GREATER
            return Task.Delay(settings.RetryDelay, timeProvider, cancellationToken);
#else
            return timeProvider.Delay(settings.RetryDelay, cancellationToken);
#endif
        }
    }
}
