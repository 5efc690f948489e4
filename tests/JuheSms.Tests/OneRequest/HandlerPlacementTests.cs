using System.Collections.Generic;
using System.Net.Http;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Xunit;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>Where <c>AddJuheSms</c> puts the guard: under every handler, however and whenever they were added.</summary>
    public class HandlerPlacementTests
    {
        private sealed class Marker : DelegatingHandler
        {
        }

        /// <summary>The delegating handlers of the client's chain, outermost first.</summary>
        private static List<HttpMessageHandler> Chain(IServiceCollection services)
        {
            using ServiceProvider provider = services.BuildServiceProvider();
            HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(IJuheSmsClient));
            var chain = new List<HttpMessageHandler>();
            while (handler is DelegatingHandler delegating)
            {
                chain.Add(delegating);
                handler = delegating.InnerHandler!;
            }

            chain.Add(handler);
            return chain;
        }

        [Fact]
        public void The_guard_is_under_handlers_added_after_AddJuheSms_by_every_means()
        {
            var services = new ServiceCollection();
            services.ConfigureHttpClientDefaults(d => d.AddHttpMessageHandler(() => new Marker()));
            services.AddJuheSms(o => o.Key = TestData.Key)
                .AddHttpMessageHandler(() => new Marker())
                .AddStandardResilienceHandler().Services.AddHttpClient(nameof(IJuheSmsClient))
                .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Add(new Marker()));

            List<HttpMessageHandler> chain = Chain(services);

            int guard = chain.FindIndex(h => h is JuheSmsOneRequestHandler);
            Assert.True(guard > 0);
            Assert.Equal(guard, chain.FindLastIndex(h => h is JuheSmsOneRequestHandler)); // Exactly one.
            Assert.Equal(3, chain.FindAll(h => h is Marker).Count);
            Assert.InRange(chain.FindLastIndex(h => h is Marker), 0, guard - 1);
            Assert.InRange(chain.FindIndex(h => h.GetType().FullName == "Microsoft.Extensions.Http.Resilience.ResilienceHandler"), 0, guard - 1);
            // Below it only the factory's own logging handler, then the primary handler.
            Assert.All(chain.GetRange(guard + 1, chain.Count - guard - 2), h => Assert.IsType<Microsoft.Extensions.Http.Logging.LoggingHttpMessageHandler>(h));
        }

        [Fact]
        public void A_chain_with_no_handler_of_the_application_s_has_no_guard_and_one_with_any_has_it()
        {
            // Nothing in the default chain can repeat a request (only the factory's logging handler): no guard, no cost.
            var plain = new ServiceCollection();
            plain.AddJuheSms(o => o.Key = TestData.Key);
            List<HttpMessageHandler> chain = Chain(plain);
            Assert.DoesNotContain(chain, h => h is JuheSmsOneRequestHandler);

            // One handler of any kind (here one that repeats nothing) brings the guard in.
            var withHandler = new ServiceCollection();
            withHandler.AddJuheSms(o => o.Key = TestData.Key).AddHttpMessageHandler(() => new Marker());
            Assert.Single(Chain(withHandler), h => h is JuheSmsOneRequestHandler);
        }

        [Fact]
        public void A_guard_the_application_added_itself_is_moved_innermost_not_doubled()
        {
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = TestData.Key)
                .AddHttpMessageHandler(() => new JuheSmsOneRequestHandler())
                .AddHttpMessageHandler(() => new Marker());

            List<HttpMessageHandler> chain = Chain(services);

            int guard = chain.FindIndex(h => h is JuheSmsOneRequestHandler);
            Assert.Equal(guard, chain.FindLastIndex(h => h is JuheSmsOneRequestHandler));
            Assert.InRange(chain.FindIndex(h => h is Marker), 0, guard - 1);
        }

        [Fact]
        public void Other_clients_get_no_guard()
        {
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = TestData.Key);
            services.AddHttpClient("other");

            using ServiceProvider provider = services.BuildServiceProvider();
            HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("other");
            while (handler is DelegatingHandler delegating)
            {
                Assert.IsNotType<JuheSmsOneRequestHandler>(delegating);
                handler = delegating.InnerHandler!;
            }
        }

        [Fact]
        public void Calling_AddJuheSms_twice_registers_one_filter()
        {
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = TestData.Key);
            services.AddJuheSms(o => o.Key = TestData.Key);

            Assert.Single(services, d => d.ServiceType == typeof(IHttpMessageHandlerBuilderFilter) && !d.IsKeyedService && d.ImplementationFactory is System.Func<System.IServiceProvider, OneRequestHandlerFilter>);
        }
    }
}
