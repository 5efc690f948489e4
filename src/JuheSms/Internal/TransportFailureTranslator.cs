using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// Turns what <see cref="HttpClient"/> throws when no complete answer arrives into what the caller sees: the caller's own
    /// <see cref="OperationCanceledException"/>, or a <see cref="JuheSmsTransportException"/> that says whether it was a
    /// time-out and whether the provider may have received the request. Logs each.
    /// </summary>
    internal static class TransportFailureTranslator
    {
        /// <summary>True for the exceptions <see cref="Translate"/> handles; anything else is a bug and propagates as it is.</summary>
        public static bool IsTransportFailure(Exception ex)
            => ex is OperationCanceledException || ex is HttpRequestException || ex is IOException;

        public static Exception Translate(Exception ex, bool requestMayHaveBeenReceived, SendContext context, in AttemptCancellation cancellation, CancellationToken cancellationToken, ILogger logger)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The caller's cancellation wins, even when the time-out fired too.
                Log.Canceled(logger, context.MaskedMobile, context.TplId, requestMayHaveBeenReceived);
                return ex is OperationCanceledException oce && oce.CancellationToken == cancellationToken
                    ? oce
                    : new OperationCanceledException(Strings.SendCanceled, ex, cancellationToken);
            }

            // Our own time-out, or HttpClient.Timeout (a TaskCanceledException nobody asked for).
            bool isTimeout = cancellation.TimedOut || ex is OperationCanceledException;
            string message = Strings.TransportMessage(
                isTimeout ? Strings.TransportTimeout : Strings.TransportFailed(ex.Message),
                requestMayHaveBeenReceived ? Strings.TransportRequestSent : Strings.TransportRequestNotSent);

            var failure = new JuheSmsTransportException(message, isTimeout, requestMayHaveBeenReceived, ex);
            Log.TransportFailed(logger, context.MaskedMobile, context.TplId, isTimeout, requestMayHaveBeenReceived, failure);
            return failure;
        }
    }
}
