using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JuheSms.Redis.Tests.Crash
{
    /// <summary>
    /// A local stand-in for the provider (Kestrel on 127.0.0.1) that records every send request it receives, the moment its
    /// form has arrived and before it answers: the request counts as received even when the sender dies before the answer.
    /// It answers the page's success JSON with a sid of its own per request, after a random delay of up to
    /// <c>maxAnswerDelay</c>, so kills land before, during and after requests.
    /// </summary>
    public sealed class RecordingProvider : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _received = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        private readonly TimeSpan _maxAnswerDelay;
        private int _requests;

        private RecordingProvider(TimeSpan maxAnswerDelay)
        {
            _maxAnswerDelay = maxAnswerDelay;
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.MapPost("/sms/send", HandleAsync);
        }

        public Uri Endpoint { get; private set; } = null!;

        /// <summary>Requests received so far.</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>For each number received, the sids the stand-in answered it with (one per request received).</summary>
        public IReadOnlyDictionary<string, string[]> Received => _received.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

        public static async Task<RecordingProvider> StartAsync(TimeSpan maxAnswerDelay)
        {
            var provider = new RecordingProvider(maxAnswerDelay);
            await provider._app.StartAsync();
            string address = provider._app.Urls.First();
            provider.Endpoint = new Uri(address.TrimEnd('/') + "/sms/send");
            return provider;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            string mobile = form["mobile"].ToString();
            string sid = "sid-" + Interlocked.Increment(ref _requests).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _received.GetOrAdd(mobile, _ => new ConcurrentQueue<string>()).Enqueue(sid);

            int delayMs = Random.Shared.Next(0, (int)_maxAnswerDelay.TotalMilliseconds + 1);
            if (delayMs > 0)
            {
                await Task.Delay(delayMs);
            }

            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync("{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"" + sid + "\"},\"error_code\":0}");
        }
    }
}
