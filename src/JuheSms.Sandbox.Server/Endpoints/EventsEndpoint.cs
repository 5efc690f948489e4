using System;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Sandbox.Hosting;
using JuheSms.Sandbox.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace JuheSms.Sandbox.Endpoints
{
    /// <summary>
    /// <c>GET /api/events</c>: Server-Sent Events for the inbox page (<c>message</c>, <c>refusal</c>, <c>cleared</c>), so a
    /// send shows without a reload. The stream ends when the page goes or the server stops.
    /// </summary>
    internal static class EventsEndpoint
    {
        // A comment line now and then keeps proxies and idle timers from closing a quiet stream.
        private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

        public static async Task HandleAsync(HttpContext context, SandboxState state, IHostApplicationLifetime lifetime)
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.ContentType = "text/event-stream; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            using MessageStore.Subscription subscription = state.Store.Subscribe();
            try
            {
                // "retry" makes the page reconnect fast after a restart of the tool.
                await context.Response.WriteAsync("retry: 1000\n: connected\n\n", stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
                while (!stop.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                    wait.CancelAfter(KeepAlive);
                    bool more;
                    try
                    {
                        more = await subscription.Events.WaitToReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        await context.Response.WriteAsync(": keep-alive\n\n", stop.Token);
                        await context.Response.Body.FlushAsync(stop.Token);
                        continue;
                    }

                    if (!more)
                    {
                        return;
                    }

                    while (subscription.Events.TryRead(out InboxEvent? inboxEvent))
                    {
                        string data = inboxEvent.Data is null ? "{}" : SandboxJson.Serialize(inboxEvent.Data);
                        await context.Response.WriteAsync("event: " + inboxEvent.Kind + "\ndata: " + data + "\n\n", stop.Token);
                    }

                    await context.Response.Body.FlushAsync(stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away or the server is stopping: the normal end of a stream.
            }
        }
    }
}
