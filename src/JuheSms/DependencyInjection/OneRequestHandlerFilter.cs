using System;
using System.Collections.Generic;
using System.Net.Http;
using JuheSms;
using Microsoft.Extensions.Http;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>
    /// Puts <see cref="JuheSmsOneRequestHandler"/> innermost in the Juhe SMS client's handler chain (issue 14). A builder
    /// filter, not a handler added when <c>AddJuheSms</c> runs: handler actions run in registration order, so a handler
    /// the application adds afterwards (<c>.AddStandardResilienceHandler()</c>) would end up below ours. A filter wraps all
    /// of them: it adds ours after every configured handler, right above the primary handler (only the factory's own
    /// logging handler, which never repeats a request, comes after it). A chain with no handler of the application's
    /// gets none: nothing in it can repeat a request, so the default client pays nothing for the guarantee.
    /// </summary>
    internal sealed class OneRequestHandlerFilter : IHttpMessageHandlerBuilderFilter
    {
        private readonly string _clientName;

        public OneRequestHandlerFilter(string clientName)
        {
            _clientName = clientName;
        }

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
            => builder =>
            {
                next(builder);
                if (string.Equals(builder.Name, _clientName, StringComparison.Ordinal) && MayRepeat(builder.AdditionalHandlers))
                {
                    PutInnermost(builder.AdditionalHandlers);
                }
            };

        /// <summary>
        /// Takes the filter out of <paramref name="services"/> again: only for the control cases of the tests and the
        /// benchmark, which measure what the guard changes. Returns whether there was one.
        /// </summary>
        internal static bool RemoveFrom(IServiceCollection services)
        {
            for (int i = services.Count - 1; i >= 0; i--)
            {
                ServiceDescriptor descriptor = services[i];
                if (!descriptor.IsKeyedService && descriptor.ServiceType == typeof(IHttpMessageHandlerBuilderFilter)
                    && descriptor.ImplementationFactory is Func<IServiceProvider, OneRequestHandlerFilter>)
                {
                    services.RemoveAt(i);
                    return true;
                }
            }

            return false;
        }

        /// <summary>One guard, last: one the application added itself higher up would stop the first request.</summary>
        /// <summary>
        /// False only for a chain of nothing but the factory's logging handlers (which never repeat a request); true for any
        /// other handler, and for a guard the application added itself (moved innermost, as always).
        /// </summary>
        internal static bool MayRepeat(IList<DelegatingHandler> handlers)
        {
            foreach (DelegatingHandler handler in handlers)
            {
                if (!(handler is Microsoft.Extensions.Http.Logging.LoggingHttpMessageHandler) && !(handler is Microsoft.Extensions.Http.Logging.LoggingScopeHttpMessageHandler))
                {
                    return true;
                }
            }

            return false;
        }

        internal static void PutInnermost(IList<DelegatingHandler> handlers)
        {
            for (int i = handlers.Count - 1; i >= 0; i--)
            {
                if (handlers[i] is JuheSmsOneRequestHandler)
                {
                    handlers.RemoveAt(i);
                }
            }

            handlers.Add(new JuheSmsOneRequestHandler());
        }
    }
}
