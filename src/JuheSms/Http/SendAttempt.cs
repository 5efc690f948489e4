using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;
using Microsoft.Extensions.Logging;

namespace JuheSms.Http
{
    /// <summary>
    /// One attempt of <see cref="JuheSmsClient.SendAsync"/> as the <see cref="JuheSmsOneRequestHandler"/> under the client
    /// sees it (issue 14): the first request that reaches the handler goes to the wire, every later one is stopped, and
    /// what the wire answered first is kept here so the client reports that, whatever the handlers above made of it.
    /// The client marks its request with it (the request, <see cref="SmsRequestMessage"/>, and the body it sends); the
    /// handler finds it there: in the body, or on the request when a handler above replaced the body (a new request with a
    /// new body keeps neither and goes out unguarded; no retry or hedging handler we know of does that).
    /// </summary>
    internal sealed class SendAttempt
    {
        private const int Open = 0;
        private const int OnTheWire = 1;

        /// <summary>Put in <see cref="_waiter"/> once the first request has its outcome.</summary>
        private static readonly object Completed = new object();

        private int _state;
        private int _repeats;
        private object? _waiter;

        private SendAttempt(ILogger logger, SendContext context, int number)
        {
            Logger = logger;
            Context = context;
            Number = number;
        }

        public ILogger Logger { get; }

        public SendContext Context { get; }

        /// <summary>The client's attempt number (1, or more with its own opt-in retry of 205403/205409).</summary>
        public int Number { get; }

        /// <summary>The first request's response, when one came back.</summary>
        public HttpResponseMessage? FirstResponse { get; private set; }

        /// <summary>The first response's body, kept for a non-2xx status (the answers retry handlers repeat and dispose); else null.</summary>
        public byte[]? FirstBody { get; private set; }

        /// <summary>What the first request failed with, when no response came back.</summary>
        public Exception? FirstFailure { get; private set; }

        /// <summary>True once a repeat of this attempt was stopped.</summary>
        public bool RepeatStopped => Volatile.Read(ref _repeats) != 0;

        /// <summary>Marks <paramref name="request"/> and its body (for handlers that send a copy of the request with the same body) as one attempt.</summary>
        public static SendAttempt Mark(SmsRequestMessage request, SmsFormContent content, ILogger logger, SendContext context, int number)
        {
            var attempt = new SendAttempt(logger, context, number);
            request.Attempt = attempt;
            content.Attempt = attempt;
            return attempt;
        }

        /// <summary>The attempt <paramref name="request"/> belongs to, or null for a request the client did not make.</summary>
        public static SendAttempt? Find(HttpRequestMessage request)
        {
            // The body first: right for nearly every request, copies included; the request when a handler replaced the body.
            if (request.Content is SmsFormContent { Attempt: { } marked })
            {
                return marked;
            }

            return request is SmsRequestMessage { Attempt: { } attempt } ? attempt : null;
        }

        // ---- The handler's side ----

        /// <summary>True for the first request of the attempt (it may go to the wire); false for every later one.</summary>
        public bool TryEnter() => Interlocked.CompareExchange(ref _state, OnTheWire, Open) == Open;

        /// <summary>Records the first request's outcome and wakes a repeat waiting for it.</summary>
        public void Complete(HttpResponseMessage? response, byte[]? body, Exception? failure)
        {
            FirstResponse = response;
            FirstBody = body;
            FirstFailure = failure;
            object? waiter = Interlocked.Exchange(ref _waiter, Completed);
            (waiter as TaskCompletionSource<bool>)?.TrySetResult(true);
        }

        /// <summary>Counts a stopped repeat; returns how many there were so far.</summary>
        public int RecordRepeat() => Interlocked.Increment(ref _repeats);

        /// <summary>
        /// Completes when the first request has its outcome. A repeat normally comes after it (a retry), but a hedging
        /// handler sends its copies while the first is still out: the stopped copy waits, so the outcome is known by the
        /// time the client looks.
        /// </summary>
        public Task WhenFirstCompletedAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _waiter) == Completed)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            object? previous = Interlocked.CompareExchange(ref _waiter, waiter, null);
            if (previous == Completed)
            {
                return Task.CompletedTask;
            }

            TaskCompletionSource<bool> shared = previous as TaskCompletionSource<bool> ?? waiter;
            if (!cancellationToken.CanBeCanceled)
            {
                return shared.Task;
            }

            return WaitAsync(shared.Task, cancellationToken);
        }

        /// <summary>For the log: what the first request got.</summary>
        public string DescribeFirstOutcome()
        {
            if (FirstResponse is { } response)
            {
                return "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return FirstFailure is { } failure ? failure.GetType().Name + ": " + failure.Message : "none";
        }

        // ---- The client's side ----

        /// <summary>
        /// After a response came up although a repeat was stopped (a handler above turned the stop into an answer of its
        /// own): drops that answer and throws, so the client's catch takes the first outcome instead.
        /// </summary>
        public void ThrowIfRepeatStopped(HttpResponseMessage response)
        {
            if (RepeatStopped && !ReferenceEquals(response, FirstResponse))
            {
                response.Dispose();
                throw new JuheSmsRepeatStoppedException(Context.MaskedMobile, retryingHandler: null, FirstFailure);
            }
        }

        /// <summary>The first failure when there was one (the wire's outcome), else <paramref name="caught"/>.</summary>
        public Exception FirstFailureOr(Exception caught) => FirstFailure ?? caught;

        /// <summary>
        /// When the send failed above the handler but the wire had answered: a response with the first answer's status and
        /// body for the client to interpret (a non-2xx answer, whose body the handler kept; or a 2xx answer after a stopped
        /// repeat). False when the wire gave no answer, or when a 2xx answer was followed by a failure of a handler above
        /// without any repeat (then that failure is the outcome).
        /// </summary>
        public bool TryTakeFirstResponse(out HttpResponseMessage response)
        {
            response = null!;
            HttpResponseMessage? first = FirstResponse;
            if (first is null)
            {
                return false;
            }

            if (FirstBody is { } body)
            {
                response = Rebuild(first.StatusCode, body);
                return true;
            }

            if (!RepeatStopped)
            {
                return false;
            }

            // A 2xx answer that a handler repeated: still readable unless that handler disposed it.
            response = IsReadable(first) ? first : Rebuild(first.StatusCode, Array.Empty<byte>());
            return true;
        }

        /// <summary>True unless the response (its content) was disposed; does not consume the body.</summary>
        internal static bool IsReadable(HttpResponseMessage response)
        {
            if (response.Content is null)
            {
                return true;
            }

            try
            {
                // Throws at once for disposed content; otherwise hands back (and caches for the reader) the same stream.
                _ = response.Content.ReadAsStreamAsync();
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static HttpResponseMessage Rebuild(HttpStatusCode status, byte[] body)
            => new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };

        private static async Task WaitAsync(Task task, CancellationToken cancellationToken)
        {
            var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), canceled))
            {
                Task finished = await Task.WhenAny(task, canceled.Task).ConfigureAwait(false);
                await finished.ConfigureAwait(false);
            }
        }
    }
}
