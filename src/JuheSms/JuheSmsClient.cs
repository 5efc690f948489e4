using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Http;
using JuheSms.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JuheSms
{
    /// <summary>
    /// Sends SMS through the Juhe SMS send API: one form-encoded POST per attempt (the key only in the body), its own
    /// time-out (<see cref="JuheSmsOptions.Timeout"/>), a defensive read of the answer, and no automatic resend (see
    /// <see cref="JuheSmsOptions.RetryOnRetryableErrors"/> for the opt-in exception). Thread-safe.
    /// </summary>
    public sealed class JuheSmsClient : IJuheSmsClient
    {
        private const int ReadChunkSize = 4096;

        private readonly HttpClient _httpClient;
        private readonly IOptions<JuheSmsOptions>? _optionsAccessor;
        private readonly JuheSmsOptions? _options;
        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;
        private readonly ISmsSendGuard? _sendGuard;
        private Settings? _settings;

        /// <summary>Creates a client over <paramref name="httpClient"/> with <paramref name="options"/> (checked on the first send).</summary>
        /// <param name="httpClient">The HTTP client; its own <c>Timeout</c> should not be shorter than <see cref="JuheSmsOptions.Timeout"/>.</param>
        /// <param name="options">The settings.</param>
        public JuheSmsClient(HttpClient httpClient, JuheSmsOptions options)
            : this(httpClient, options, null, null)
        {
        }

        /// <summary>Creates a client with a logger and, for tests, a clock for the time-out and the retry delay.</summary>
        /// <param name="httpClient">The HTTP client; its own <c>Timeout</c> should not be shorter than <see cref="JuheSmsOptions.Timeout"/>.</param>
        /// <param name="options">The settings (checked on the first send).</param>
        /// <param name="logger">The logger, or null for none.</param>
        /// <param name="timeProvider">The clock, or null for <see cref="TimeProvider.System"/>.</param>
        public JuheSmsClient(HttpClient httpClient, JuheSmsOptions options, ILogger<JuheSmsClient>? logger, TimeProvider? timeProvider = null)
            : this(httpClient, options, logger, timeProvider, null)
        {
        }

        /// <summary>Creates a client that consults <paramref name="sendGuard"/> before every send.</summary>
        /// <param name="httpClient">The HTTP client; its own <c>Timeout</c> should not be shorter than <see cref="JuheSmsOptions.Timeout"/>.</param>
        /// <param name="options">The settings (checked on the first send).</param>
        /// <param name="logger">The logger, or null for none.</param>
        /// <param name="timeProvider">The clock (time-out, retry delay, marketing hours), or null for <see cref="TimeProvider.System"/>.</param>
        /// <param name="sendGuard">The frequency guard, or null for none (no limits are enforced by the client).</param>
        public JuheSmsClient(HttpClient httpClient, JuheSmsOptions options, ILogger<JuheSmsClient>? logger, TimeProvider? timeProvider, ISmsSendGuard? sendGuard)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _sendGuard = sendGuard;
        }

        /// <summary>Creates a client from options in dependency injection (the constructor <c>AddJuheSms</c> uses).</summary>
        /// <param name="httpClient">The HTTP client from <c>IHttpClientFactory</c>.</param>
        /// <param name="options">The settings (read and checked on the first send).</param>
        /// <param name="logger">The logger, or null for none.</param>
        /// <param name="timeProvider">The clock, or null for <see cref="TimeProvider.System"/>.</param>
        /// <param name="sendGuard">The frequency guard (registered by <c>AddInMemoryGuard()</c> or <c>AddRedisGuard(...)</c>), or null for none.</param>
        [ActivatorUtilitiesConstructor]
        public JuheSmsClient(HttpClient httpClient, IOptions<JuheSmsOptions> options, ILogger<JuheSmsClient>? logger = null, TimeProvider? timeProvider = null, ISmsSendGuard? sendGuard = null)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _optionsAccessor = options ?? throw new ArgumentNullException(nameof(options));
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _sendGuard = sendGuard;
        }

        /// <summary>The frequency guard consulted before every send, or null when there is none.</summary>
        public ISmsSendGuard? SendGuard => _sendGuard;

        /// <inheritdoc />
        /// <remarks>
        /// Order: the options and the message are checked (<see cref="ArgumentException"/>); a marketing message outside
        /// 08:30–21:30 China time is refused (<see cref="SmsMarketingHoursException"/>); the send guard, when there is one, takes
        /// a slot for the number or refuses (<see cref="SmsThrottledException"/>); only then does the request go out. When the
        /// provider definitely refuses the send (a non-zero <c>error_code</c>, not billed) or the request certainly never left,
        /// the slot is given back; after a time-out, a broken connection, an unexpected response or a cancellation it is kept,
        /// because the message may have been accepted.
        /// </remarks>
        /// <exception cref="OptionsValidationException">The <see cref="JuheSmsOptions"/> are invalid; the message names the setting.</exception>
        /// <exception cref="SmsMarketingHoursException">A marketing message outside 08:30–21:30 China time; nothing was sent.</exception>
        /// <exception cref="SmsThrottledException">The send guard refused: the number would go over a carrier limit; nothing was sent.</exception>
        /// <exception cref="SmsGuardUnavailableException">The send guard's store (e.g. Redis) could not be reached; nothing was sent.</exception>
        /// <exception cref="JuheSmsResponseException">The answer was not the provider's documented response.</exception>
        /// <exception cref="JuheSmsTransportException">No answer: network failure or time-out.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
        public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
        {
            Settings settings = GetSettings();
            string mobile = SmsMessageChecks.Check(message);
            cancellationToken.ThrowIfCancellationRequested();

            byte[] body = SmsRequestWriter.WriteBody(settings.KeyField, mobile, message.TplId, message.Variables, message.Ext, settings.VariableEncoding);
            var context = new SendContext(mobile, message.TplId, message.Kind);

            using Activity? activity = SendTelemetry.StartSend(context);
            if (settings.EnforceMarketingHours && message.Kind == SmsTemplateKind.Marketing)
            {
                EnsureMarketingHours(context, activity);
            }

            SmsSendReservation? reservation = null;
            if (_sendGuard is not null)
            {
                reservation = await ReserveAsync(_sendGuard, settings.Signature, mobile, context, activity, cancellationToken).ConfigureAwait(false);
            }

            int attempt = 0;
            try
            {
                // The retry loop lives here rather than in its own async method: one state machine less per send.
                SmsSendResult result;
                while (true)
                {
                    attempt++;
                    long started = _timeProvider.GetTimestamp();
                    try
                    {
                        result = await SendOnceAsync(settings, body, context, attempt, cancellationToken).ConfigureAwait(false);
                        SendTelemetry.RecordAttempt(_timeProvider.GetElapsedTime(started), context.TplId, null);
                        break;
                    }
                    catch (Exception ex) when (RecordAttemptFailure(started, context, ex))
                    {
                        throw; // Not reached: the filter records and returns false.
                    }
                    catch (JuheSmsException ex) when (ex.IsRetryable && settings.MaxRetries >= attempt)
                    {
                        Log.Retrying(_logger, context.MaskedMobile, context.TplId, ex.ErrorCode, settings.RetryDelay, attempt, settings.MaxRetries);
                        if (settings.RetryDelay > TimeSpan.Zero)
                        {
                            await DelayAsync(settings.RetryDelay, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                SendTelemetry.RecordAccepted(activity, context.TplId, context.Kind, result, attempt);
                return result;
            }
            catch (Exception ex)
            {
                SendTelemetry.RecordFailed(activity, context.TplId, context.Kind, ex, attempt);
                if (reservation is not null && WasCertainlyNotSent(ex))
                {
                    await ReleaseAsync(_sendGuard!, reservation, context).ConfigureAwait(false);
                }

                throw;
            }
        }

        private bool RecordAttemptFailure(long started, SendContext context, Exception ex)
        {
            SendTelemetry.RecordAttempt(_timeProvider.GetElapsedTime(started), context.TplId, ex);
            return false;
        }

        private void EnsureMarketingHours(SendContext context, Activity? activity)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (MarketingHours.IsAllowed(now))
            {
                return;
            }

            var refusal = new SmsMarketingHoursException(MarketingHours.ToChinaTime(now), MarketingHours.NextStart(now));
            Log.MarketingHoursRefused(_logger, context.MaskedMobile, context.TplId, refusal.AttemptedAt, refusal.NextAllowedAt);
            SendTelemetry.RecordThrottled(activity, context.TplId, context.Kind, JuheSmsTelemetry.MarketingHoursLimit);
            throw refusal;
        }

        private async Task<SmsSendReservation> ReserveAsync(ISmsSendGuard guard, string signature, string mobile, SendContext context, Activity? activity, CancellationToken cancellationToken)
        {
            SmsGuardDecision decision;
            try
            {
                decision = await guard.TryReserveAsync(signature, mobile, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is JuheSmsException))
            {
                throw new SmsGuardUnavailableException("The SMS send guard failed, so the frequency limits could not be checked; nothing was sent: " + ex.Message, ex);
            }

            if (decision.Reservation is { } reservation)
            {
                return reservation;
            }

            SmsSendLimit limit = decision.RefusedBy!;
            DateTimeOffset retryAt = decision.RetryAt ?? _timeProvider.GetUtcNow();
            var throttled = new SmsThrottledException(limit, retryAt, context.MaskedMobile, retryAt - _timeProvider.GetUtcNow());
            Log.Throttled(_logger, context.MaskedMobile, context.TplId, limit.Description, retryAt);
            SendTelemetry.RecordThrottled(activity, context.TplId, context.Kind, limit.Description);
            throw throttled;
        }

        private async Task ReleaseAsync(ISmsSendGuard guard, SmsSendReservation reservation, SendContext context)
        {
            try
            {
                // Not the caller's token: the refusal is final, and a slot left taken would block the number for nothing.
                await guard.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
                Log.SlotReleased(_logger, context.MaskedMobile, context.TplId);
            }
            catch (Exception ex)
            {
                // The send's own failure is what the caller must see; a slot that stays taken only errs on the safe side.
                Log.SlotReleaseFailed(_logger, context.MaskedMobile, context.TplId, ex);
            }
        }

        /// <summary>
        /// True when the provider certainly did not send (and did not bill) the message: it answered with a non-zero
        /// <c>error_code</c>, or the request never left. A time-out, a broken connection, an unexpected response or a
        /// cancellation leaves the outcome unknown: the slot is kept.
        /// </summary>
        private static bool WasCertainlyNotSent(Exception ex) => ex switch
        {
            JuheSmsTransportException transport => !transport.RequestMayHaveBeenReceived,
            JuheSmsResponseException => false,
            JuheSmsException provider => provider.ErrorCode != 0,
            _ => false,
        };

        // The pooling builders (net8.0) reuse the state machine boxes of these two inner steps instead of allocating one
        // per send (about 200 B for SendOnceAsync each time the request goes out). Safe here: each ValueTask is awaited
        // exactly once, by SendAsync and SendOnceAsync. (SendAsync itself returns the public Task, so it keeps its own.)
#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        private async ValueTask<SmsSendResult> SendOnceAsync(Settings settings, byte[] body, SendContext context, int attempt, CancellationToken cancellationToken)
        {
            using AttemptCancellation cancellation = AttemptCancellation.Create(_timeProvider, settings.Timeout, cancellationToken);
            CancellationToken token = cancellation.Token;

            var content = new SmsFormContent(body);
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = content };
            SendAttempt wire = SendAttempt.Mark(request, content, _logger, context, attempt); // One request on the wire per attempt (JuheSmsOneRequestHandler).

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.Sending(_logger, context.MaskedMobile, context.TplId, attempt);
            }

            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                wire.ThrowIfRepeatStopped(response);
            }
            catch (Exception) when (wire.TryTakeFirstResponse(out response))
            {
                // The wire answered, then a handler above failed or repeated the request: that first answer is the outcome.
            }
            catch (Exception ex) when (IsTransportFailure(wire.FirstFailureOr(ex)))
            {
                throw TranslateFailure(wire.FirstFailureOr(ex), content.SerializationStarted, context, cancellation, cancellationToken);
            }

            using (response)
            {
                ResponseBody responseBody;
                try
                {
                    responseBody = await ReadBodyAsync(response, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsTransportFailure(ex))
                {
                    // A response started to arrive: the request certainly reached the other end.
                    throw TranslateFailure(ex, requestMayHaveBeenReceived: true, context, cancellation, cancellationToken);
                }

                using (responseBody)
                {
                    return Interpret(response.StatusCode, responseBody, context);
                }
            }
        }

        private SmsSendResult Interpret(HttpStatusCode statusCode, ResponseBody body, SendContext context)
        {
            int status = (int)statusCode;
            if (body.TooLarge)
            {
                string problem = $"the body is larger than {SmsResponseParser.MaxResponseBytes} bytes";
                Log.UnexpectedResponse(_logger, context.MaskedMobile, context.TplId, status, problem);
                throw new JuheSmsResponseException(ResponseMessage(status, problem), statusCode, SmsResponseParser.Excerpt(body.Span));
            }

            if (status < 200 || status > 299)
            {
                string problem = "the status is not a success";
                Log.UnexpectedResponse(_logger, context.MaskedMobile, context.TplId, status, problem);
                throw new JuheSmsResponseException(ResponseMessage(status, problem), statusCode, SmsResponseParser.Excerpt(body.Span));
            }

            SmsResponse parsed = SmsResponseParser.Parse(body.Span);
            switch (parsed.Kind)
            {
                case SmsResponseKind.Accepted:
                    SmsSendResult result = parsed.Result!;
                    if (!parsed.HasResult)
                    {
                        Log.AcceptedWithoutResult(_logger, context.MaskedMobile, context.TplId);
                    }

                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        Log.Accepted(_logger, context.MaskedMobile, context.TplId, result.Sid, result.Count, result.Fee);
                    }

                    return result;

                case SmsResponseKind.ProviderError:
                    var error = new JuheSmsException(parsed.ErrorCode, parsed.Reason);
                    Log.Refused(_logger, context.MaskedMobile, context.TplId, error.ErrorCode, error.Error, error.Reason);
                    throw error;

                default:
                    string malformed = parsed.Problem ?? "the body is not the provider's response";
                    Log.UnexpectedResponse(_logger, context.MaskedMobile, context.TplId, status, malformed);
                    throw new JuheSmsResponseException(ResponseMessage(status, malformed), statusCode, SmsResponseParser.Excerpt(body.Span));
            }
        }

        private static string ResponseMessage(int status, string problem)
            => $"The Juhe SMS endpoint answered HTTP {status}, but {problem}; the send's outcome is unknown (it may have been accepted and billed).";

        private static bool IsTransportFailure(Exception ex)
            => ex is OperationCanceledException || ex is HttpRequestException || ex is IOException;

        private Exception TranslateFailure(Exception ex, bool requestMayHaveBeenReceived, SendContext context, in AttemptCancellation cancellation, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The caller's cancellation wins, even when the time-out fired too.
                Log.Canceled(_logger, context.MaskedMobile, context.TplId, requestMayHaveBeenReceived);
                return ex is OperationCanceledException oce && oce.CancellationToken == cancellationToken
                    ? oce
                    : new OperationCanceledException("The SMS send was canceled.", ex, cancellationToken);
            }

            // Our own time-out, or HttpClient.Timeout (a TaskCanceledException nobody asked for).
            bool isTimeout = cancellation.TimedOut(cancellationToken) || ex is OperationCanceledException;
            string message = isTimeout
                ? "The Juhe SMS endpoint did not answer in time."
                : "The Juhe SMS request failed before a response arrived: " + ex.Message;
            message += requestMayHaveBeenReceived
                ? " The request had been sent, so the provider may have accepted (and billed) the message: check before resending."
                : " The request was not sent.";

            var failure = new JuheSmsTransportException(message, isTimeout, requestMayHaveBeenReceived, ex);
            Log.TransportFailed(_logger, context.MaskedMobile, context.TplId, isTimeout, requestMayHaveBeenReceived, failure);
            return failure;
        }

        /// <summary>Reads at most <see cref="SmsResponseParser.MaxResponseBytes"/> bytes of the body into a pooled buffer.</summary>
#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        private static async ValueTask<ResponseBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            long? declared = response.Content?.Headers.ContentLength;
            if (response.Content is null || declared == 0)
            {
                return new ResponseBody(new PooledByteBuffer(0), tooLarge: false);
            }

            int limit = SmsResponseParser.MaxResponseBytes;
            // A declared length gets one spare byte, so the read that finds the end needs no bigger buffer.
            int initial = declared is long d && d > 0 && d <= limit ? (int)d + 1 : ReadChunkSize;
            var buffer = new PooledByteBuffer(initial);
            try
            {
#if NET
                using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                while (true)
                {
                    // Read one byte past the limit to tell "exactly the limit" from "more".
                    int wanted = limit + 1 - buffer.Length;
                    if (wanted <= 0)
                    {
                        return new ResponseBody(buffer, tooLarge: true);
                    }

                    // Straight into the buffer's free space (it grows only when full), at most a chunk at a time.
                    ArraySegment<byte> free = buffer.GetFreeSegment();
                    int count = Math.Min(Math.Min(free.Count, wanted), ReadChunkSize);
#if NET
                    int read = await stream.ReadAsync(new Memory<byte>(free.Array, free.Offset, count), cancellationToken).ConfigureAwait(false);
#else
                    int read = await stream.ReadAsync(free.Array, free.Offset, count, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        return new ResponseBody(buffer, tooLarge: false);
                    }

                    buffer.Advance(read);
                }
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
        }

        private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
#if NET8_0_OR_GREATER
            return Task.Delay(delay, _timeProvider, cancellationToken);
#else
            return _timeProvider.Delay(delay, cancellationToken);
#endif
        }

        private Settings GetSettings()
        {
            Settings? settings = Volatile.Read(ref _settings);
            if (settings is null)
            {
                // IOptions<T>.Value runs the registered validators (and throws OptionsValidationException) itself;
                // the check below also covers options built without them.
                JuheSmsOptions options = _options ?? _optionsAccessor!.Value;
                JuheSmsOptionsValidator.ThrowIfInvalid(options);
                settings = new Settings(options);
                Volatile.Write(ref _settings, settings);
            }

            return settings;
        }

        /// <summary>A checked copy of the options, taken on the first send.</summary>
        private sealed class Settings
        {
            public Settings(JuheSmsOptions options)
            {
                KeyField = SmsRequestWriter.EncodeKeyField(options.Key!);
                Endpoint = options.Endpoint!;
                Timeout = options.Timeout;
                VariableEncoding = options.VariableEncoding;
                MaxRetries = options.RetryOnRetryableErrors ? options.MaxRetries : 0;
                RetryDelay = options.RetryDelay;
                Signature = string.IsNullOrWhiteSpace(options.Signature) ? string.Empty : options.Signature!.Trim();
                EnforceMarketingHours = options.EnforceMarketingHours;
            }

            /// <summary>The guard's key part; empty when none is configured.</summary>
            public string Signature { get; }

            public bool EnforceMarketingHours { get; }

            /// <summary><c>key=</c> and the form-encoded key: the same for every send, so encoded once.</summary>
            public byte[] KeyField { get; }

            public Uri Endpoint { get; }

            public TimeSpan Timeout { get; }

            public VariableEncoding VariableEncoding { get; }

            /// <summary>0 unless <see cref="JuheSmsOptions.RetryOnRetryableErrors"/> is on.</summary>
            public int MaxRetries { get; }

            public TimeSpan RetryDelay { get; }
        }

        private readonly struct ResponseBody : IDisposable
        {
            private readonly PooledByteBuffer _buffer;

            public ResponseBody(PooledByteBuffer buffer, bool tooLarge)
            {
                _buffer = buffer;
                TooLarge = tooLarge;
            }

            public bool TooLarge { get; }

            public ReadOnlySpan<byte> Span => _buffer.WrittenSpan;

            public void Dispose() => _buffer.Dispose();
        }
    }
}
