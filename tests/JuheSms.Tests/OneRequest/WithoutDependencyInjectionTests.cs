using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Xunit;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>
    /// Issue 14 without dependency injection: a <see cref="JuheSmsClient"/> over an <see cref="HttpClient"/> whose chain
    /// retries gets the same guarantee from a <see cref="JuheSmsOneRequestHandler"/> placed innermost.
    /// </summary>
    public class WithoutDependencyInjectionTests
    {
        private const string Html502 = "<html><body>502</body></html>";

        private static JuheSmsClient Client(Uri endpoint, HttpMessageHandler chain, CapturingLoggerProvider? logs = null)
        {
            var factory = logs is null ? null : LoggerFactory.Create(b => b.AddProvider(logs));
            return new JuheSmsClient(new HttpClient(chain), TestData.Options(o => o.Endpoint = endpoint), factory?.CreateLogger<JuheSmsClient>());
        }

        [Fact]
        public async Task Control_a_retrying_chain_without_the_guard_sends_four_times()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            var client = Client(server.Endpoint, new HandWrittenRetryHandler { InnerHandler = new SocketsHttpHandler() });

            await Assert.ThrowsAsync<JuheSmsResponseException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(4, server.Requests);
        }

        [Fact]
        public async Task The_guard_innermost_makes_one_request_and_the_caller_gets_the_502()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            var logs = new CapturingLoggerProvider();
            var client = Client(server.Endpoint, new HandWrittenRetryHandler { InnerHandler = new JuheSmsOneRequestHandler(new SocketsHttpHandler()) }, logs);

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(1, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(Html502, ex.ResponseBody);
            Assert.Equal(3, Array.FindAll(logs.Entries.ToArray(), e => e.EventId.Id == 13).Length);
        }

        [Fact]
        public async Task The_guard_innermost_makes_one_request_on_a_dropped_connection()
        {
            using var server = new CountingHttpServer(ServerReply.Drop());
            var client = Client(server.Endpoint, new HandWrittenRetryHandler { InnerHandler = new JuheSmsOneRequestHandler(new SocketsHttpHandler()) });

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(1, server.Requests);
            Assert.True(ex.RequestMayHaveBeenReceived);
        }

        [Fact]
        public async Task A_refused_connection_is_reported_as_not_sent_even_though_its_retry_was_stopped()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var retry = new HandWrittenRetryHandler { InnerHandler = new JuheSmsOneRequestHandler(new SocketsHttpHandler()) };
            var client = Client(new Uri($"http://127.0.0.1:{port}/sms/send"), retry);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(4, retry.Tries);
            Assert.False(ex.RequestMayHaveBeenReceived);
            Assert.IsType<HttpRequestException>(ex.InnerException);
        }

        [Fact]
        public async Task Requests_that_are_not_the_clients_pass_through_untouched()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", Html502));
            using var http = new HttpClient(new HandWrittenRetryHandler { InnerHandler = new JuheSmsOneRequestHandler(new SocketsHttpHandler()) });

            using HttpResponseMessage response = await http.PostAsync(server.Endpoint, new StringContent("x"));

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal(4, server.Requests); // Not a send of the client: the guard leaves it to the handlers above.
        }
    }
}
