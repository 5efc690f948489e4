using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Http;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// One attempt of a send: the request out under the attempt's own time-out, the answer read
    /// (<see cref="SmsResponseReader"/>) and interpreted (<see cref="SmsResponseInterpreter"/>), a failure without an
    /// answer translated (<see cref="TransportFailureTranslator"/>), and the attempt's duration recorded. One per client.
    /// </summary>
    internal sealed class SmsHttpExchange
    {
        /// <summary>The start of an attempt that no listener measured (a clock's timestamps are never negative).</summary>
        private const long NotTimed = -1;

        private readonly HttpMessageInvoker _transport;
        private readonly HttpClient? _httpClient;
        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;

        /// <param name="transport">
        /// An <see cref="HttpClient"/> (sent through with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, so that its
        /// default headers and time-out apply), or a bare <see cref="HttpMessageInvoker"/> over a handler chain, which
        /// skips what <see cref="HttpClient"/> adds per request (a linked token source, its time-out's timer): the client
        /// has its own attempt time-out.
        /// </param>
        /// <param name="logger">The client's logger.</param>
        /// <param name="timeProvider">The client's clock.</param>
        public SmsHttpExchange(HttpMessageInvoker transport, ILogger logger, TimeProvider timeProvider)
        {
            _transport = transport;
            _httpClient = transport as HttpClient;
            _logger = logger;
            _timeProvider = timeProvider;
        }

        // The pooling builder (net8.0) reuses the state machine box instead of allocating one (about 200 B) each time the
        // request goes out. Safe here: the ValueTask is awaited exactly once, by JuheSmsClient.SendAsync.
#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        public async ValueTask<SmsSendResult> SendAsync(ClientSettings settings, byte[] body, SendContext context, int attempt, CancellationToken cancellationToken)
        {
            // The clock is read only while a listener measures the attempts' duration (a read costs tens of nanoseconds).
            long started = SendTelemetry.MeasuresAttempts ? _timeProvider.GetTimestamp() : NotTimed;
            try
            {
                using AttemptCancellation cancellation = AttemptCancellation.Create(_timeProvider, settings.Timeout, cancellationToken, settings.Deadlines);
                CancellationToken token = cancellation.Token;

                var content = new SmsFormContent(body);
                using var request = new SmsRequestMessage(settings.Endpoint, content); // A new one each attempt: a request can be sent only once.
                SendAttempt wire = SendAttempt.Mark(request, content, _logger, context, attempt); // One request on the wire per attempt (JuheSmsOneRequestHandler).

                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    Log.Sending(_logger, context.MaskedMobile, context.TplId, attempt);
                }

                HttpResponseMessage response;
                try
                {
                    response = _httpClient is not null
                        ? await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false)
                        : await _transport.SendAsync(request, token).ConfigureAwait(false);
                    wire.ThrowIfRepeatStopped(response);
                }
                catch (Exception) when (wire.TryTakeFirstResponse(out response))
                {
                    // The wire answered, then a handler above failed or repeated the request: that first answer is the outcome.
                }
                catch (Exception ex) when (TransportFailureTranslator.IsTransportFailure(wire.FirstFailureOr(ex)))
                {
                    throw TransportFailureTranslator.Translate(wire.FirstFailureOr(ex), content.SerializationStarted, context, cancellation, cancellationToken, _logger);
                }

                SmsSendResult result;
                using (response)
                {
                    SmsResponseBody responseBody;
                    try
                    {
                        responseBody = await SmsResponseReader.ReadAsync(response, token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (TransportFailureTranslator.IsTransportFailure(ex))
                    {
                        // A response started to arrive: the request certainly reached the other end.
                        throw TransportFailureTranslator.Translate(ex, requestMayHaveBeenReceived: true, context, cancellation, cancellationToken, _logger);
                    }

                    using (responseBody)
                    {
                        result = SmsResponseInterpreter.Interpret(response.StatusCode, responseBody, context, _logger);
                    }
                }

                RecordAttempt(started, context, null);
                return result;
            }
            catch (Exception ex) when (RecordFailedAttempt(started, context, ex))
            {
                throw; // Not reached: the filter records and returns false.
            }
        }

        private bool RecordFailedAttempt(long started, SendContext context, Exception ex)
        {
            RecordAttempt(started, context, ex);
            return false;
        }

        private void RecordAttempt(long started, SendContext context, Exception? failure)
        {
            if (started != NotTimed)
            {
                SendTelemetry.RecordAttempt(_timeProvider.GetElapsedTime(started), context.TplId, failure);
            }
        }
    }
}
