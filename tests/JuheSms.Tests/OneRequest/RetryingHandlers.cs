using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>
    /// A retry handler as people write it by hand: up to <see cref="Retries"/> more tries after any exception or a
    /// non-success status, disposing each response it gives up on. It counts its tries, so a test can tell it did retry.
    /// </summary>
    public sealed class HandWrittenRetryHandler : DelegatingHandler
    {
        public int Retries { get; init; } = 3;

        /// <summary>When the last try failed: return a 503 of its own instead of throwing (some handlers do).</summary>
        public bool AnswerInsteadOfThrowing { get; init; }

        /// <summary>Retry after a success too (a handler that inspects the body), without disposing the answer.</summary>
        public bool RetryEverySuccessOnce { get; init; }

        /// <summary>Send a copy of the request (new message, same body, no options), as "clone the request" snippets do.</summary>
        public bool CloneWithoutOptions { get; init; }

        /// <summary>Replace the body with an in-memory copy before the first try (a handler that buffers or logs it); the options stay.</summary>
        public bool ReplaceBody { get; init; }

        public int Tries { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (ReplaceBody && request.Content is { } original)
            {
                var copy = new ByteArrayContent(await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                copy.Headers.ContentType = original.Headers.ContentType;
                request.Content = copy;
            }

            for (int i = 0; ; i++)
            {
                Tries++;
                bool last = i == Retries;
                HttpRequestMessage toSend = CloneWithoutOptions && i > 0 ? Clone(request) : request;
                try
                {
                    HttpResponseMessage response = await base.SendAsync(toSend, cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode && RetryEverySuccessOnce && i == 0)
                    {
                        await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (response.IsSuccessStatusCode || last)
                    {
                        return response;
                    }

                    response.Dispose();
                }
                catch (Exception) when (!last)
                {
                    // Catch-all, as hand-written retries often are: the guard's exception is retried too.
                }
                catch (Exception) when (AnswerInsteadOfThrowing)
                {
                    return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("gave up") };
                }
            }
        }

        private static HttpRequestMessage Clone(HttpRequestMessage request)
        {
            var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version };
            foreach (var header in request.Headers)
            {
                clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return clone;
        }
    }
}
