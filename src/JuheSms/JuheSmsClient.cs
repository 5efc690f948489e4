using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
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
        private readonly SmsHttpExchange _exchange;
        private readonly IOptions<JuheSmsOptions>? _optionsAccessor;
        private readonly JuheSmsOptions? _options;
        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;
        private readonly ISmsSendGuard? _sendGuard;
        private readonly ISmsIdempotencyStore? _idempotencyStore;
        private ClientSettings? _settings;

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
            : this(httpClient, options, logger, timeProvider, sendGuard, null)
        {
        }

        /// <summary>Creates a client that consults <paramref name="sendGuard"/> and <paramref name="idempotencyStore"/> before every send.</summary>
        /// <param name="httpClient">The HTTP client; its own <c>Timeout</c> should not be shorter than <see cref="JuheSmsOptions.Timeout"/>.</param>
        /// <param name="options">The settings (checked on the first send).</param>
        /// <param name="logger">The logger, or null for none.</param>
        /// <param name="timeProvider">The clock (time-out, retry delay, marketing hours), or null for <see cref="TimeProvider.System"/>.</param>
        /// <param name="sendGuard">The frequency guard, or null for none (no limits are enforced by the client).</param>
        /// <param name="idempotencyStore">The store that makes sends with an <see cref="SmsMessage.IdempotencyKey"/> safe to repeat, or null for none (keys are then ignored).</param>
        public JuheSmsClient(HttpClient httpClient, JuheSmsOptions options, ILogger<JuheSmsClient>? logger, TimeProvider? timeProvider, ISmsSendGuard? sendGuard, ISmsIdempotencyStore? idempotencyStore)
            : this(httpClient, nameof(httpClient), options, null, logger, timeProvider, sendGuard, idempotencyStore)
        {
        }

        /// <summary>
        /// Creates a client that sends through <paramref name="invoker"/>: for the least work per send, a bare
        /// <see cref="HttpMessageInvoker"/> over a handler (<c>new HttpMessageInvoker(new SocketsHttpHandler())</c>), which
        /// skips what <see cref="HttpClient"/> adds to every request (a linked cancellation source and the timer of its own
        /// time-out), since the client times each attempt itself (<see cref="JuheSmsOptions.Timeout"/>). <c>AddJuheSms</c>
        /// builds its clients this way over the factory's handler chain. An <see cref="HttpClient"/> passed here is sent
        /// through as one (its default headers and time-out apply).
        /// </summary>
        /// <param name="invoker">The invoker; the client does not dispose it.</param>
        /// <param name="options">The settings (checked on the first send).</param>
        /// <param name="logger">The logger, or null for none.</param>
        /// <param name="timeProvider">The clock (time-out, retry delay, marketing hours), or null for <see cref="TimeProvider.System"/>.</param>
        /// <param name="sendGuard">The frequency guard, or null for none (no limits are enforced by the client).</param>
        /// <param name="idempotencyStore">The store that makes sends with an <see cref="SmsMessage.IdempotencyKey"/> safe to repeat, or null for none (keys are then ignored).</param>
        public JuheSmsClient(HttpMessageInvoker invoker, JuheSmsOptions options, ILogger<JuheSmsClient>? logger = null, TimeProvider? timeProvider = null, ISmsSendGuard? sendGuard = null, ISmsIdempotencyStore? idempotencyStore = null)
            : this(invoker, nameof(invoker), options, null, logger, timeProvider, sendGuard, idempotencyStore)
        {
        }

        /// <summary>The client <c>AddJuheSms</c> registers: options from dependency injection, sent through <paramref name="transport"/>.</summary>
        internal JuheSmsClient(HttpMessageInvoker transport, IOptions<JuheSmsOptions> options, ILogger<JuheSmsClient>? logger, TimeProvider? timeProvider, ISmsSendGuard? sendGuard, ISmsIdempotencyStore? idempotencyStore)
            : this(transport, nameof(transport), null, options, logger, timeProvider, sendGuard, idempotencyStore)
        {
        }

        /// <summary>Creates a client from options in dependency injection over an <see cref="HttpClient"/> (a typed client of <c>IHttpClientFactory</c>; <c>AddJuheSms</c> itself sends through the factory's handler chain without one).</summary>
        /// <param name="httpClient">The HTTP client from <c>IHttpClientFactory</c>.</param>
        /// <param name="options">The settings (read and checked on the first send).</param>
        /// <param name="logger">The logger, or null for none.</param>
        /// <param name="timeProvider">The clock, or null for <see cref="TimeProvider.System"/>.</param>
        /// <param name="sendGuard">The frequency guard (registered by <c>AddInMemoryGuard()</c> or <c>AddRedisGuard(...)</c>), or null for none.</param>
        /// <param name="idempotencyStore">The idempotency store (registered by <c>AddInMemoryIdempotency()</c> or <c>AddRedisIdempotency(...)</c>), or null for none.</param>
        [ActivatorUtilitiesConstructor]
        public JuheSmsClient(HttpClient httpClient, IOptions<JuheSmsOptions> options, ILogger<JuheSmsClient>? logger = null, TimeProvider? timeProvider = null, ISmsSendGuard? sendGuard = null, ISmsIdempotencyStore? idempotencyStore = null)
            : this(httpClient, nameof(httpClient), null, options, logger, timeProvider, sendGuard, idempotencyStore)
        {
        }

        // Every constructor's one body: the transport checked first (named as the public constructor calls it), then the
        // options (either set, or the accessor read on the first send).
        private JuheSmsClient(HttpMessageInvoker? transport, string transportParameter, JuheSmsOptions? options, IOptions<JuheSmsOptions>? optionsAccessor, ILogger<JuheSmsClient>? logger, TimeProvider? timeProvider, ISmsSendGuard? sendGuard, ISmsIdempotencyStore? idempotencyStore)
        {
            if (transport is null)
            {
                throw new ArgumentNullException(transportParameter);
            }

            if (options is null && optionsAccessor is null)
            {
                throw new ArgumentNullException("options");
            }

            _options = options;
            _optionsAccessor = optionsAccessor;
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _sendGuard = sendGuard;
            _idempotencyStore = idempotencyStore;
            _exchange = new SmsHttpExchange(transport, _logger, _timeProvider);
        }

        /// <summary>The frequency guard consulted before every send, or null when there is none.</summary>
        public ISmsSendGuard? SendGuard => _sendGuard;

        /// <summary>The idempotency store of sends with an <see cref="SmsMessage.IdempotencyKey"/>, or null when there is none.</summary>
        public ISmsIdempotencyStore? IdempotencyStore => _idempotencyStore;

        /// <inheritdoc />
        /// <remarks>
        /// Order: the options and the message are checked (<see cref="ArgumentException"/>); with an idempotency store and an
        /// <see cref="SmsMessage.IdempotencyKey"/>, the key is taken, or a completed key's first result is returned with no
        /// request, or a repeat of a send that may have been accepted is refused (<see cref="SmsIdempotencyConflictException"/>);
        /// a marketing message outside 08:30–21:30 China time is refused (<see cref="SmsMarketingHoursException"/>); a
        /// marketing message that breaks rule 4 is reported or refused (<see cref="JuheSmsOptions.MarketingBatchRule"/>); the
        /// send guard, when there is one, takes a slot for the number or refuses (<see cref="SmsThrottledException"/>); only then
        /// does the request go out. When the provider definitely refuses the send (a non-zero <c>error_code</c>, not billed) or
        /// the request certainly never left, the slot is given back and the key freed; after a time-out, a broken connection,
        /// an unexpected response or a cancellation the slot is kept and the key marked of unknown outcome, because the message
        /// may have been accepted.
        /// </remarks>
        /// <exception cref="ArgumentException">The message is invalid (the parameter name says what); nothing was sent.</exception>
        /// <exception cref="SmsIdempotencyConflictException">An earlier send with the same key is in flight or may have been accepted; nothing was sent.</exception>
        /// <exception cref="SmsIdempotencyUnavailableException">The idempotency store could not be reached; nothing was sent.</exception>
        /// <exception cref="SmsMarketingBatchException">A marketing message sent singly (or in too small a batch) while <see cref="JuheSmsOptions.MarketingBatchRule"/> is <see cref="SmsMarketingBatchRule.Refuse"/>; nothing was sent.</exception>
        /// <exception cref="OptionsValidationException">The <see cref="JuheSmsOptions"/> are invalid; the message names the setting.</exception>
        /// <exception cref="SmsMarketingHoursException">A marketing message outside 08:30–21:30 China time; nothing was sent.</exception>
        /// <exception cref="SmsThrottledException">The send guard refused: the number would go over a carrier limit; nothing was sent.</exception>
        /// <exception cref="SmsGuardUnavailableException">The send guard's store (e.g. Redis) could not be reached; nothing was sent.</exception>
        /// <exception cref="JuheSmsResponseException">The answer was not the provider's documented response.</exception>
        /// <exception cref="JuheSmsTransportException">No answer: network failure or time-out.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
        public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
        {
            // 1. Options and message, before anything else; the body is written once for every attempt.
            ClientSettings settings = GetSettings();
            string mobile = SmsMessageChecks.Check(message);
            cancellationToken.ThrowIfCancellationRequested();
            byte[] body = SmsRequestWriter.WriteBody(settings.KeyField, mobile, message.TplId, message.Variables, message.Ext, settings.VariableEncoding);
            var context = new SendContext(mobile, message.TplId, message.Kind);
            using Activity? activity = SendTelemetry.StartSend(context);

            // Rule 4 is a matter of the call's shape (a marketing message on its own, or too few China Mobile numbers in its
            // batch), checked with the arguments.
            if (message.Kind == SmsTemplateKind.Marketing)
            {
                MarketingBatchRules.Check(message, mobile, settings.MarketingBatchRule, context, activity, _logger);
            }

            // 2. The idempotency key, before any policy: a repeat of a completed send returns its first result here.
            IdempotentSend? keyed = null;
            if (_idempotencyStore is not null && message.IdempotencyKey is { } key)
            {
                keyed = new IdempotentSend(_idempotencyStore, key);
                SmsSendResult? replay = await keyed.BeginAsync(settings.IdempotencyLease, context, activity, _logger, cancellationToken).ConfigureAwait(false);
                if (replay is not null)
                {
                    return replay;
                }
            }

            SmsSendReservation? reservation = null;
            int attempt = 0;
            try
            {
                // 3. Sending policy, before the network: marketing hours, then a guard slot.
                if (settings.EnforceMarketingHours && context.Kind == SmsTemplateKind.Marketing)
                {
                    MarketingHoursCheck.Ensure(_timeProvider, _logger, context, activity);
                }

                if (_sendGuard is not null)
                {
                    reservation = await SendGuardSlot.TakeAsync(_sendGuard, settings.Signature, context.Mobile, context, activity, _timeProvider, _logger, cancellationToken).ConfigureAwait(false);
                }

                // 4. The attempts: one request each; another only after a code for which the provider says it did not send.
                //    (The loop lives here rather than in its own async method: one state machine less per send.)
                SmsSendResult result;
                while (true)
                {
                    attempt++;
                    try
                    {
                        result = await _exchange.SendAsync(settings, body, context, attempt, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (JuheSmsException ex) when (RetryPolicy.ShouldRetry(ex, settings, attempt))
                    {
                        await RetryPolicy.WaitAsync(ex, settings, attempt, context, _timeProvider, _logger, cancellationToken).ConfigureAwait(false);
                    }
                }

                // 5. The outcome, recorded for the key (never thrown: the send happened).
                SendTelemetry.RecordAccepted(activity, context.TplId, context.Kind, result, attempt);
                return keyed is null ? result : await keyed.CompleteAsync(result, context, _logger).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt > 0 || keyed is not null)
            {
                // A refusal before the network (attempt 0: the hours, the guard) is not a failed send, and certainly not sent:
                // it only frees the key. (Without a key it is not caught at all.)
                if (attempt > 0)
                {
                    SendTelemetry.RecordFailed(activity, context.TplId, context.Kind, ex, attempt);
                }

                if (reservation is not null || keyed is not null)
                {
                    // One await, so that nothing of the failure has to outlive it in this state machine.
                    await FailedSendRecords.RecordAsync(_sendGuard, reservation, keyed, attempt == 0 || SendGuardSlot.WasCertainlyNotSent(ex), context, _logger).ConfigureAwait(false);
                }

                throw;
            }
        }

        private ClientSettings GetSettings()
        {
            ClientSettings? settings = Volatile.Read(ref _settings);
            if (settings is null)
            {
                settings = ClientSettings.From(_options ?? _optionsAccessor!.Value);
                Volatile.Write(ref _settings, settings);
            }

            return settings;
        }
    }
}
