using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>
    /// What the client sends through: a bare <see cref="HttpMessageInvoker"/> (what <c>AddJuheSms</c> builds over the
    /// factory's handler chain, and the lean hand-built way) or an <see cref="HttpClient"/>, whose configuration must
    /// then apply.
    /// </summary>
    public class ClientTransportTests
    {
        private const string ClientName = nameof(IJuheSmsClient);

        [Fact]
        public async Task A_client_over_a_bare_invoker_sends_the_same_request()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var client = new JuheSmsClient(new HttpMessageInvoker(handler), new JuheSmsOptions { Key = TestData.Key, Endpoint = new Uri("https://sms.test/send") });

            SmsSendResult result = await client.SendAsync(TestData.Message());

            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
            CapturedRequest request = Assert.Single(handler.Requests);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal(new Uri("https://sms.test/send"), request.Uri);
            Assert.Equal(TestData.Key, request.Form["key"]);
            Assert.Equal("application/x-www-form-urlencoded", request.MediaType);
        }

        [Fact]
        public void A_null_invoker_is_refused_by_name()
        {
            var ex = Assert.Throws<ArgumentNullException>(() => new JuheSmsClient((HttpMessageInvoker)null!, new JuheSmsOptions { Key = TestData.Key }));

            Assert.Equal("invoker", ex.ParamName);
        }

        [Fact]
        public async Task AddJuheSms_sends_through_the_factory_s_handler_chain_without_an_HttpClient_on_top()
        {
            var seen = new HeaderRecorder();
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = TestData.Key)
                .AddHttpMessageHandler(() => seen)
                .ConfigurePrimaryHttpMessageHandler(() => FakeHttpMessageHandler.Json(TestData.SuccessJson));

            using ServiceProvider provider = services.BuildServiceProvider();
            HttpMessageInvoker transport = JuheSmsTransport.Create(provider, ClientName);
            await provider.GetRequiredService<IJuheSmsClient>().SendAsync(TestData.Message());

            Assert.IsNotType<HttpClient>(transport);
            Assert.Equal(1, seen.Count); // The application's handler is in the chain.
        }

        [Fact]
        public async Task A_configured_HttpClient_is_kept_so_that_its_default_headers_go_out()
        {
            var seen = new HeaderRecorder();
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = TestData.Key)
                .ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-Tenant", "north"))
                .AddHttpMessageHandler(() => seen)
                .ConfigurePrimaryHttpMessageHandler(() => FakeHttpMessageHandler.Json(TestData.SuccessJson));

            using ServiceProvider provider = services.BuildServiceProvider();
            HttpMessageInvoker transport = JuheSmsTransport.Create(provider, ClientName);
            await provider.GetRequiredService<IJuheSmsClient>().SendAsync(TestData.Message());

            HttpClient http = Assert.IsType<HttpClient>(transport);
            Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, http.Timeout); // AddJuheSms's own configuration still applies.
            Assert.Equal("north", seen.Tenant);
        }

        [Fact]
        public void Calling_AddJuheSms_twice_still_registers_one_client()
        {
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = TestData.Key);
            services.AddJuheSms(o => o.Timeout = TimeSpan.FromSeconds(3));

            Assert.Single(services, d => d.ServiceType == typeof(IJuheSmsClient));
            using ServiceProvider provider = services.BuildServiceProvider();
            Assert.IsNotType<HttpClient>(JuheSmsTransport.Create(provider, ClientName));
        }

        private sealed class HeaderRecorder : DelegatingHandler
        {
            public int Count { get; private set; }

            public string? Tenant { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Count++;
                Tenant = request.Headers.TryGetValues("X-Tenant", out var values) ? values.Single() : null;
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
