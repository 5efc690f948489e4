using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Http;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// Makes sure that one attempt of <see cref="JuheSmsClient.SendAsync"/> puts at most one request on the wire, whatever
    /// retrying handlers sit above it (issue 14). It must be the <b>innermost</b> delegating handler, right above the primary
    /// handler (the one that talks to the network): it lets the first request of each attempt through and stops every
    /// repeat of it (a retry, or a hedged copy) with <see cref="JuheSmsRepeatStoppedException"/> before it leaves, logging
    /// event 13 <c>SmsRepeatStopped</c> through the client's logger. The client then reports the first request's outcome:
    /// its response (status and body) or its transport failure.
    /// </summary>
    /// <remarks>
    /// <para><c>AddJuheSms(...)</c> puts one in the client's chain by itself, after every handler the application adds.
    /// Without dependency injection, place it yourself, innermost:
    /// <c>new HttpClient(new MyRetryHandler { InnerHandler = new JuheSmsOneRequestHandler(new SocketsHttpHandler()) })</c>.
    /// Only one is needed; a second one further out would stop the first request itself.</para>
    /// <para>It recognises the client's requests by a request option (and by their body), and passes every other request
    /// through untouched. A handler above it that builds a new request must copy the options or the body, or the copy goes
    /// out unguarded. The body of a non-2xx answer (the answers that retry handlers repeat) is read into memory (at most
    /// 1 MiB), so that it survives the retrying handler disposing the response; a 2xx answer passes through untouched.</para>
    /// </remarks>
    public sealed class JuheSmsOneRequestHandler : DelegatingHandler
    {
        private const int ChunkSize = 4096;

        /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> before use (the factory does it).</summary>
        public JuheSmsOneRequestHandler()
        {
        }

        /// <summary>Creates the handler over <paramref name="innerHandler"/>, the primary handler that sends to the network.</summary>
        /// <param name="innerHandler">The handler that sends to the network, for example a <c>SocketsHttpHandler</c>.</param>
        public JuheSmsOneRequestHandler(HttpMessageHandler innerHandler)
            : base(innerHandler)
        {
        }

        /// <inheritdoc />
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SendAttempt? attempt = request is null ? null : SendAttempt.Find(request);
            if (attempt is null)
            {
                return base.SendAsync(request!, cancellationToken);
            }

            return attempt.TryEnter()
                ? SendFirstAsync(request!, attempt, cancellationToken)
                : StopRepeatAsync(attempt, RetryingHandlerName.Find(), cancellationToken);
        }

        private async Task<HttpResponseMessage> SendFirstAsync(HttpRequestMessage request, SendAttempt attempt, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                attempt.Complete(null, null, ex);
                throw;
            }

            byte[]? body = null;
            int status = (int)response.StatusCode;
            if (status < 200 || status > 299)
            {
                try
                {
                    body = await RetainBodyAsync(response, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // The answer broke off while it was read: for the client that is a transport failure after the request went out.
                    response.Dispose();
                    attempt.Complete(null, null, ex);
                    throw;
                }
            }

            attempt.Complete(response, body, null);
            return response;
        }

        private static async Task<HttpResponseMessage> StopRepeatAsync(SendAttempt attempt, string? retryingHandler, CancellationToken cancellationToken)
        {
            int repeat = attempt.RecordRepeat();
            SendContext context = attempt.Context;
            try
            {
                await attempt.WhenFirstCompletedAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Logged even when the handler that made the copy cancels it while it waits (a hedge given up): the repeat
                // was stopped all the same. The first outcome is "none" if it had not come yet.
                Log.RepeatStopped(attempt.Logger, context.MaskedMobile, context.TplId, attempt.Number, repeat, retryingHandler ?? "unknown", attempt.DescribeFirstOutcome());
            }

            throw new JuheSmsRepeatStoppedException(context.MaskedMobile, retryingHandler, attempt.FirstFailure);
        }

        /// <summary>
        /// Reads the body (up to one byte past the client's limit, so an oversized answer still reads as oversized) and puts
        /// it back as in-memory content with the same headers: the handler above may read it, or dispose the response.
        /// </summary>
        private static async Task<byte[]> RetainBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            HttpContent? original = response.Content;
            if (original is null)
            {
                return Array.Empty<byte>();
            }

            int limit = SmsResponseParser.MaxResponseBytes + 1;
            using var buffer = new MemoryStream();
#if NET
            using (Stream stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
#else
            using (Stream stream = await original.ReadAsStreamAsync().ConfigureAwait(false))
#endif
            {
                byte[] chunk = new byte[ChunkSize];
                while (buffer.Length < limit)
                {
                    int wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
                    int read = await stream.ReadAsync(chunk, 0, wanted, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }

            byte[] body = buffer.ToArray();
            var retained = new ByteArrayContent(body);
            foreach (var header in original.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    retained.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            response.Content = retained;
            original.Dispose();
            return body;
        }
    }
}
