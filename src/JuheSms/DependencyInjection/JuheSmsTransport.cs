using System;
using System.Net.Http;
using JuheSms;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>
    /// What the <see cref="JuheSmsClient"/> that <c>AddJuheSms</c> registers sends through. The factory's handler chain
    /// (the application's handlers, the one-request guard, the primary handler, the factory's logging) is the same either
    /// way; what differs is whether an <see cref="HttpClient"/> is put on top of it. Unless the application configured the
    /// client's <see cref="HttpClient"/> (<c>ConfigureHttpClient</c>: default headers, a time-out, a version), none is: a
    /// bare <see cref="HttpMessageInvoker"/> sends the same request without what <see cref="HttpClient"/> adds to each
    /// (a linked cancellation source, the pending-requests bookkeeping, one more async step), which the client's own
    /// attempt time-out makes redundant. With such configuration the client gets the factory's <see cref="HttpClient"/>,
    /// so that it applies.
    /// </summary>
    internal static class JuheSmsTransport
    {
        /// <summary>The one configuration of the HttpClient that <c>AddJuheSms</c> itself makes: no time-out of its own.</summary>
        public static readonly Action<HttpClient> LeaveTimeoutToClient = client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;

        public static JuheSmsClient CreateClient(IServiceProvider provider, string name)
            => new JuheSmsClient(
                Create(provider, name),
                provider.GetRequiredService<IOptions<JuheSmsOptions>>(),
                provider.GetService<ILogger<JuheSmsClient>>(),
                provider.GetService<TimeProvider>(),
                provider.GetService<ISmsSendGuard>(),
                provider.GetService<ISmsIdempotencyStore>());

        /// <summary>An <see cref="HttpMessageInvoker"/> over the factory's handler, or its <see cref="HttpClient"/> when the application configured one.</summary>
        public static HttpMessageInvoker Create(IServiceProvider provider, string name)
        {
            HttpClientFactoryOptions factoryOptions = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name);
            foreach (Action<HttpClient> action in factoryOptions.HttpClientActions)
            {
                if (!ReferenceEquals(action, LeaveTimeoutToClient))
                {
                    return provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
                }
            }

            // The factory's handler is shared and rotated by the factory: never disposed here (as the factory's HttpClient does not).
            return new HttpMessageInvoker(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name), disposeHandler: false);
        }
    }
}
