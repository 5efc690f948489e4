using System;
using System.Linq;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>A client from <c>AddJuheSms</c> against a <see cref="CountingHttpServer"/>, with the handlers a test adds.</summary>
    public sealed class OneRequestHarness : IDisposable
    {
        private readonly ServiceProvider _provider;

        public OneRequestHarness(CountingHttpServer server, Action<IHttpClientBuilder> configure, Action<JuheSmsOptions>? options = null, bool withoutGuard = false)
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            IHttpClientBuilder builder = services.AddJuheSms(o =>
            {
                o.Key = TestData.Key;
                o.Endpoint = server.Endpoint;
                options?.Invoke(o);
            });
            configure(builder);
            if (withoutGuard)
            {
                // The control case: what the same handlers do to a send when nothing stops their repeats.
                Assert.True(OneRequestHandlerFilter.RemoveFrom(services));
            }

            _provider = services.BuildServiceProvider();
            Client = _provider.GetRequiredService<IJuheSmsClient>();
        }

        public CapturingLoggerProvider Logs { get; } = new CapturingLoggerProvider();

        public IJuheSmsClient Client { get; }

        public Task<SmsSendResult> SendAsync() => Client.SendAsync(TestData.Message());

        /// <summary>The stopped-repeat events (13, SmsRepeatStopped).</summary>
        public CapturedLog[] RepeatStopped() => Logs.Entries.Where(e => e.EventId.Id == 13).ToArray();

        public void Dispose() => _provider.Dispose();

        /// <summary>The value a log entry holds for <paramref name="name"/>, as text.</summary>
        public static string? Value(CapturedLog entry, string name)
            => Convert.ToString(entry.State.FirstOrDefault(kv => kv.Key == name).Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
