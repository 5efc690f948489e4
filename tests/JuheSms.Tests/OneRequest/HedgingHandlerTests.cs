using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Xunit;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>
    /// A hedging handler sends copies of a request while the first is still out (<c>AddStandardHedgingHandler()</c>). The
    /// guard stops each copy, lets it wait for the first request's outcome, and the caller gets that outcome.
    /// </summary>
    public class HedgingHandlerTests
    {
        [Fact]
        public async Task Control_without_the_guard_a_send_that_gets_no_answer_is_sent_again()
        {
            using var server = new CountingHttpServer(ServerReply.NoAnswer());
            using var harness = new OneRequestHarness(
                server,
                b => b.AddStandardHedgingHandler().Configure((HttpStandardHedgingResilienceOptions o) =>
                {
                    o.Hedging.Delay = TimeSpan.FromMilliseconds(100);
                    o.Endpoint.Timeout.Timeout = TimeSpan.FromSeconds(1);
                }),
                withoutGuard: true);

            await Assert.ThrowsAnyAsync<Exception>(() => harness.SendAsync());

            Assert.True(server.Requests >= 2, $"{server.Requests} request(s)");
        }

        [Fact]
        public async Task A_hedged_copy_of_a_send_that_gets_no_answer_is_stopped_and_the_caller_gets_the_time_out()
        {
            using var server = new CountingHttpServer(ServerReply.NoAnswer());
            using var harness = new OneRequestHarness(server, b => b.AddStandardHedgingHandler().Configure((HttpStandardHedgingResilienceOptions o) =>
            {
                o.Hedging.Delay = TimeSpan.FromMilliseconds(100);
                o.Endpoint.Timeout.Timeout = TimeSpan.FromSeconds(2);
            }));

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(1, server.Connections);
            Assert.True(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);

            // The hedged copy is logged when it is let go, which may be just after the caller has its answer.
            for (int i = 0; i < 100 && harness.RepeatStopped().Length == 0; i++)
            {
                await Task.Delay(20);
            }

            Assert.NotEmpty(harness.RepeatStopped());
        }

        [Fact]
        public async Task A_hedged_copy_after_a_502_is_stopped_and_the_caller_gets_the_502()
        {
            using var server = new CountingHttpServer(ServerReply.Answer("502 Bad Gateway", "bad gateway"));
            using var harness = new OneRequestHarness(server, b => b.AddStandardHedgingHandler().Configure((HttpStandardHedgingResilienceOptions o) => o.Hedging.Delay = TimeSpan.FromMilliseconds(100)));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => harness.SendAsync());

            Assert.Equal(1, server.Requests);
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal("bad gateway", ex.ResponseBody);
        }
    }
}
