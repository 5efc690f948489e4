using System;

namespace JuheSms
{
    /// <summary>
    /// Thrown by <see cref="JuheSmsOneRequestHandler"/> to a handler above it that sent the same SMS request again (a retry
    /// or hedging handler): the repeat did not leave the process. It is not an <see cref="System.Net.Http.HttpRequestException"/>
    /// on purpose, so retry handlers (Microsoft.Extensions.Http.Resilience, Polly's transient-error policies) do not treat
    /// it as transient and stop. <see cref="JuheSmsClient"/> never lets it reach its caller: the caller gets the outcome of
    /// the first request instead (its response, or the transport failure with
    /// <see cref="JuheSmsTransportException.RequestMayHaveBeenReceived"/>).
    /// </summary>
    public sealed class JuheSmsRepeatStoppedException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="maskedMobile">The masked number of the send (<c>138****8000</c>).</param>
        /// <param name="retryingHandler">The type name of the handler that repeated the request, or null when it could not be told.</param>
        /// <param name="firstFailure">What the first request failed with, or null when it got a response.</param>
        public JuheSmsRepeatStoppedException(string maskedMobile, string? retryingHandler, Exception? firstFailure)
            : base(Internal.Strings.RepeatStopped(retryingHandler ?? "unknown", maskedMobile), firstFailure)
        {
            MaskedMobile = maskedMobile;
            RetryingHandler = retryingHandler;
        }

        /// <summary>The masked number of the send (<c>138****8000</c>).</summary>
        public string MaskedMobile { get; }

        /// <summary>The type name of the handler that repeated the request, or null when it could not be told.</summary>
        public string? RetryingHandler { get; }
    }
}
