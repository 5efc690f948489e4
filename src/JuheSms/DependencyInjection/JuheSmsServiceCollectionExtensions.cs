using System;
using System.Threading;
using JuheSms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers <see cref="IJuheSmsClient"/> with dependency injection.</summary>
    public static class JuheSmsServiceCollectionExtensions
    {
        /// <summary>
        /// Registers <see cref="IJuheSmsClient"/> as a typed <see cref="System.Net.Http.HttpClient"/> client
        /// (<c>IHttpClientFactory</c>), with <see cref="JuheSmsOptions"/> bound from <paramref name="configuration"/>
        /// (for example the section <c>"JuheSms"</c>: <c>Key</c>, <c>Endpoint</c>, <c>Timeout</c>, <c>VariableEncoding</c>...).
        /// The options are validated with <see cref="JuheSmsOptionsValidator"/> when first read, and at start-up in a host.
        /// </summary>
        /// <param name="services">The services.</param>
        /// <param name="configuration">The configuration section holding the options.</param>
        /// <returns>
        /// The HTTP client builder, to add handlers (logging, a test handler, resilience that does not resend: see remarks).
        /// </returns>
        /// <remarks>
        /// A send is never repeated when the provider may have accepted it. A retry handler added to the builder
        /// (<c>AddStandardResilienceHandler()</c> retries POSTs on 5xx, 408, 429, time-outs and broken connections) would
        /// resend, so the client's chain always ends in a <see cref="JuheSmsOneRequestHandler"/>, placed under every
        /// handler added here: it lets one request per attempt reach the network, stops any repeat (logged as event 13,
        /// <c>SmsRepeatStopped</c>) and the caller gets the first outcome. Configure resilience without retries of the send,
        /// e.g. <c>.AddStandardResilienceHandler(o =&gt; o.Retry.DisableForUnsafeHttpMethods())</c>: its rate limiter, total
        /// time-out and circuit breaker still apply. The client's own <see cref="JuheSmsOptions.RetryOnRetryableErrors"/>
        /// (205403, 205409) is the only resend, each a new attempt.
        /// </remarks>
        public static IHttpClientBuilder AddJuheSms(this IServiceCollection services, IConfiguration configuration)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            services.AddOptions<JuheSmsOptions>().Bind(configuration);
            return AddCore(services);
        }

        /// <summary>
        /// Registers <see cref="IJuheSmsClient"/> as a typed <see cref="System.Net.Http.HttpClient"/> client
        /// (<c>IHttpClientFactory</c>), with <see cref="JuheSmsOptions"/> set by <paramref name="configure"/>.
        /// The options are validated with <see cref="JuheSmsOptionsValidator"/> when first read, and at start-up in a host.
        /// </summary>
        /// <param name="services">The services.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>
        /// The HTTP client builder, to add handlers (logging, a test handler, resilience that does not resend: see remarks).
        /// </returns>
        /// <remarks>
        /// A send is never repeated when the provider may have accepted it. A retry handler added to the builder
        /// (<c>AddStandardResilienceHandler()</c> retries POSTs on 5xx, 408, 429, time-outs and broken connections) would
        /// resend, so the client's chain always ends in a <see cref="JuheSmsOneRequestHandler"/>, placed under every
        /// handler added here: it lets one request per attempt reach the network, stops any repeat (logged as event 13,
        /// <c>SmsRepeatStopped</c>) and the caller gets the first outcome. Configure resilience without retries of the send,
        /// e.g. <c>.AddStandardResilienceHandler(o =&gt; o.Retry.DisableForUnsafeHttpMethods())</c>: its rate limiter, total
        /// time-out and circuit breaker still apply. The client's own <see cref="JuheSmsOptions.RetryOnRetryableErrors"/>
        /// (205403, 205409) is the only resend, each a new attempt.
        /// </remarks>
        public static IHttpClientBuilder AddJuheSms(this IServiceCollection services, Action<JuheSmsOptions> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            services.AddOptions<JuheSmsOptions>().Configure(configure);
            return AddCore(services);
        }

        /// <summary>The name of the client's <see cref="IHttpClientBuilder"/> (the one a typed client of <see cref="IJuheSmsClient"/> would have).</summary>
        private const string ClientName = nameof(IJuheSmsClient);

        private static IHttpClientBuilder AddCore(IServiceCollection services)
        {
            services.AddOptions<JuheSmsOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JuheSmsOptions>, JuheSmsOptionsValidator>());

            // The client enforces JuheSmsOptions.Timeout itself (and reports it as JuheSmsTransportException), so
            // HttpClient's own 100-second default must not cut in first (when an HttpClient is used at all, see JuheSmsTransport).
            IHttpClientBuilder builder = services.AddHttpClient(ClientName, JuheSmsTransport.LeaveTimeoutToClient);
            services.TryAddTransient<IJuheSmsClient>(provider => JuheSmsTransport.CreateClient(provider, ClientName));

            // One send, one request (issue 14): whatever retrying handlers the application adds to the builder, the
            // JuheSmsOneRequestHandler under all of them stops every repeat of a send's request before it leaves.
            string name = builder.Name;
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, OneRequestHandlerFilter>(_ => new OneRequestHandlerFilter(name)));
            return builder;
        }
    }
}
