using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// The two ways of sending that the loopback measurements compare, against one endpoint (<see cref="LoopbackPair"/>).
    /// <see cref="LoopbackPair.RawVsClient"/>: a raw <see cref="HttpClient"/> posting a pre-built body identical to the
    /// client's and reading the answer as bytes (the floor any client can reach), and <see cref="JuheSmsClient.SendAsync"/>
    /// (checks, body, time-out, bounded read, parse). <see cref="LoopbackPair.GuardOffVsOn"/> (issue 14): two clients built
    /// through <c>AddJuheSms</c>, the same but for the <see cref="JuheSmsOneRequestHandler"/> the second one has innermost.
    /// Each side has its own <see cref="HttpClient"/> and connection pool; "raw" below means the baseline side.
    /// Shared by <see cref="LoopbackSendBenchmarks"/> and <see cref="LoopbackAbCommand"/>.
    /// </summary>
    internal sealed class LoopbackSenders : IDisposable
    {
        private const string Key = "0123456789abcdef0123456789abcdef";
        private const string Mobile = "13800138000";
        private const int TplId = 123457;

        private readonly Dictionary<string, string> _variables = new Dictionary<string, string>
        {
            ["name"] = "张先生",
            ["order"] = "SO20251125001",
            ["tracking"] = "SF1234567890123",
        };

        private readonly HttpClient _rawHttp;
        private readonly HttpMessageInvoker? _clientHttp;
        private readonly IJuheSmsClient _client;
        private readonly IJuheSmsClient? _baselineClient;
        private readonly HttpMessageInvoker? _keyedHttp;
        private readonly IJuheSmsClient? _keyedClient;
        private long _keys;
        private readonly ServiceProvider? _withGuard;
        private readonly ServiceProvider? _withoutGuard;
        private readonly SmsMessage _message;
        private readonly byte[] _body;
        private readonly Uri _endpoint;

        public LoopbackSenders(Uri endpoint, LoopbackPair pair = LoopbackPair.RawVsClient, bool clientOverHttpClient = false)
        {
            _endpoint = endpoint;
            _rawHttp = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            if (pair == LoopbackPair.GuardOffVsOn)
            {
                _withoutGuard = BuildThroughAddJuheSms(endpoint, guard: false);
                _withGuard = BuildThroughAddJuheSms(endpoint, guard: true);
                _baselineClient = _withoutGuard.GetRequiredService<IJuheSmsClient>();
                _client = _withGuard.GetRequiredService<IJuheSmsClient>();
            }
            else
            {
                // The client as AddJuheSms builds it: over an HttpMessageInvoker on the handler (it times its attempts itself),
                // or, with --transport httpclient, over an HttpClient as a hand-built one may be.
                _clientHttp = Transport(clientOverHttpClient);
                _client = new JuheSmsClient(_clientHttp, new JuheSmsOptions { Key = Key, Endpoint = endpoint });

                // The third side (issue 12): the same client with the in-memory idempotency store and a new key per send.
                // A 1-second retention keeps the store at a steady size (a few tens of thousands of keys) however long the run.
                _keyedHttp = Transport(clientOverHttpClient);
                var store = new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { Retention = TimeSpan.FromSeconds(1) });
                _keyedClient = new JuheSmsClient(_keyedHttp, new JuheSmsOptions { Key = Key, Endpoint = endpoint }, null, null, null, store);
            }

            _message = new SmsMessage(Mobile, TplId, _variables);
            _body = SmsRequestWriter.WriteBody(Key, Mobile, TplId, _variables, null, VariableEncoding.Vars);
        }

        private static HttpMessageInvoker Transport(bool httpClient)
            => httpClient
                ? new HttpClient(new SocketsHttpHandler { UseProxy = false })
                : new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });

        /// <summary>Sends once each way and throws unless both got the success answer (2 requests).</summary>
        public void Check()
        {
            CheckClient(_client, "The client");
            if (_baselineClient is not null)
            {
                CheckClient(_baselineClient, "The client without the guard");
                return;
            }

            if (_keyedClient is not null)
            {
                CheckClient(_keyedClient, "The client with an idempotency store", KeyedMessage());
            }

            int length = RawSendAsync().GetAwaiter().GetResult();
            if (length != System.Text.Encoding.UTF8.GetByteCount(LoopbackServer.SuccessJson))
            {
                throw new InvalidOperationException("The raw post did not get the success answer.");
            }
        }

        /// <summary>
        /// The client as an application with one handler of its own gets it from <c>AddJuheSms</c> (the factory's handlers
        /// included), on the same kind of primary handler as the raw side; <paramref name="guard"/> false takes out the
        /// one-request guard and nothing else.
        /// </summary>
        private static ServiceProvider BuildThroughAddJuheSms(Uri endpoint, bool guard)
        {
            var services = new ServiceCollection();
            // One handler of the application's (one that repeats nothing): without any, AddJuheSms leaves the guard out.
            services.AddJuheSms(o =>
            {
                o.Key = Key;
                o.Endpoint = endpoint;
            }).AddHttpMessageHandler(() => new PassThroughHandler())
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false });
            if (!guard && !OneRequestHandlerFilter.RemoveFrom(services))
            {
                throw new InvalidOperationException("AddJuheSms registered no one-request guard to take out.");
            }

            ServiceProvider provider = services.BuildServiceProvider();
            HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(IJuheSmsClient));
            bool hasGuard = false;
            while (handler is DelegatingHandler delegating)
            {
                hasGuard |= delegating is JuheSmsOneRequestHandler;
                handler = delegating.InnerHandler!;
            }

            if (hasGuard != guard)
            {
                throw new InvalidOperationException("The chain " + (guard ? "lacks" : "has") + " the one-request guard.");
            }

            return provider;
        }

        /// <summary>Whether this pair has the third side (the client with the in-memory idempotency store).</summary>
        public bool HasKeyedSide => _keyedClient is not null;

        /// <summary>The message with a key no send used before (a new message per send, as an application makes).</summary>
        private SmsMessage KeyedMessage()
            => new SmsMessage(Mobile, TplId, _variables) { IdempotencyKey = "order-" + Interlocked.Increment(ref _keys).ToString(System.Globalization.CultureInfo.InvariantCulture) };

        private void CheckClient(IJuheSmsClient client, string name, SmsMessage? message = null)
        {
            SmsSendResult result = client.SendAsync(message ?? _message).GetAwaiter().GetResult();
            if (result.Sid != "23d6bc4913614919a823271d820662af" || result.Fee != 1)
            {
                throw new InvalidOperationException(name + " did not read the success answer.");
            }
        }

        /// <summary>The baseline: PostAsync of a ByteArrayContent with the pre-built body, ReadAsByteArrayAsync.</summary>
        public async Task<int> RawSendAsync()
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = new MediaTypeHeaderValue(SmsRequestWriter.ContentType);
            using HttpResponseMessage response = await _rawHttp.PostAsync(_endpoint, content).ConfigureAwait(false);
            byte[] bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return bytes.Length;
        }

        /// <summary>The client's send of the same message.</summary>
        public async Task<int> ClientSendAsync()
        {
            SmsSendResult result = await _client.SendAsync(_message).ConfigureAwait(false);
            return result.Count;
        }

        /// <summary>
        /// Sends both ways in alternation (blocks of 256 each) until at least <paramref name="minSends"/> per side and the JIT
        /// has compiled nothing for half a second, or <paramref name="maxDuration"/> has passed. JuheSms.dll is not
        /// ReadyToRun, so its code starts unoptimised, and tiered compilation keeps recompiling hot methods (of both sides)
        /// on a background thread for a while: on 2 cores that thread steals time from whichever side is being measured.
        /// A fixed warm-up was not enough (BenchmarkDotNet's three 100 ms warm-ups left the first case measured at twice
        /// its time). Returns the sends made per side and whether the JIT went quiet.
        /// </summary>
        public (int Sends, bool JitQuiet) WarmUp(int concurrency, int minSends, TimeSpan maxDuration)
            => WarmUp(LoopbackSide.Baseline, LoopbackSide.Client, concurrency, minSends, maxDuration);

        /// <summary>The same warm-up for two given sides (the keyed phase warms the client and the keyed side).</summary>
        public (int Sends, bool JitQuiet) WarmUp(LoopbackSide first, LoopbackSide second, int concurrency, int minSends, TimeSpan maxDuration)
        {
            const int Block = 256;
            TimeSpan quietFor = TimeSpan.FromMilliseconds(500);
            int perBlock = Block / concurrency * concurrency;
            var total = System.Diagnostics.Stopwatch.StartNew();
            var quiet = System.Diagnostics.Stopwatch.StartNew();
            long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            int sends = 0;
            while (true)
            {
                RunAsync(first, concurrency, Block).GetAwaiter().GetResult();
                RunAsync(second, concurrency, Block).GetAwaiter().GetResult();
                sends += perBlock;

                long now = System.Runtime.JitInfo.GetCompiledMethodCount();
                if (now != compiled)
                {
                    compiled = now;
                    quiet.Restart();
                }

                bool jitQuiet = quiet.Elapsed >= quietFor;
                if ((sends >= minSends && jitQuiet) || total.Elapsed >= maxDuration)
                {
                    return (sends, jitQuiet);
                }
            }
        }

        /// <summary><paramref name="sends"/> sends (rounded down to a multiple of <paramref name="concurrency"/>) by <paramref name="concurrency"/> concurrent senders.</summary>
        public Task RunAsync(bool raw, int concurrency, int sends) => RunAsync(raw ? LoopbackSide.Baseline : LoopbackSide.Client, concurrency, sends);

        /// <summary><paramref name="sends"/> sends by one side (see <see cref="RunAsync(bool, int, int)"/>).</summary>
        public Task RunAsync(LoopbackSide side, int concurrency, int sends)
        {
            var workers = new Task[concurrency];
            int perWorker = sends / concurrency;
            IJuheSmsClient? baseline = _baselineClient;
            IJuheSmsClient? keyed = _keyedClient;
            bool raw = side == LoopbackSide.Baseline;
            for (int w = 0; w < workers.Length; w++)
            {
                workers[w] = side == LoopbackSide.KeyedWithoutStore
                    ? Task.Run(async () =>
                    {
                        // The same new message with a new key per send, to the client without a store (the key is checked,
                        // then ignored): the keyed phase's baseline, so that its ratio is the store's cost alone.
                        for (int i = 0; i < perWorker; i++)
                        {
                            await _client.SendAsync(KeyedMessage()).ConfigureAwait(false);
                        }
                    })
                    : side == LoopbackSide.Keyed && keyed is not null
                    ? Task.Run(async () =>
                    {
                        for (int i = 0; i < perWorker; i++)
                        {
                            await keyed.SendAsync(KeyedMessage()).ConfigureAwait(false);
                        }
                    })
                    : raw && baseline is not null
                    ? Task.Run(async () =>
                    {
                        for (int i = 0; i < perWorker; i++)
                        {
                            await baseline.SendAsync(_message).ConfigureAwait(false);
                        }
                    })
                    : raw
                    ? Task.Run(async () =>
                    {
                        for (int i = 0; i < perWorker; i++)
                        {
                            await RawSendAsync().ConfigureAwait(false);
                        }
                    })
                    : Task.Run(async () =>
                    {
                        // Straight to SendAsync, not through ClientSendAsync: one async layer per send on each side, as
                        // the raw loop awaits RawSendAsync (an extra layer would add about 230 B and its time to the client).
                        for (int i = 0; i < perWorker; i++)
                        {
                            await _client.SendAsync(_message).ConfigureAwait(false);
                        }
                    });
            }

            return Task.WhenAll(workers);
        }

        public void Dispose()
        {
            _rawHttp.Dispose();
            _clientHttp?.Dispose();
            _keyedHttp?.Dispose();
            _withGuard?.Dispose();
            _withoutGuard?.Dispose();
        }
    }

    /// <summary>An application's handler that only passes the request on (it brings the one-request guard into the chain).</summary>
    internal sealed class PassThroughHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => base.SendAsync(request, cancellationToken);
    }

    /// <summary>One side of a <see cref="LoopbackSenders"/> run.</summary>
    internal enum LoopbackSide
    {
        /// <summary>The pair's baseline (the raw post, or the client without the guard).</summary>
        Baseline,

        /// <summary>The pair's measured client.</summary>
        Client,

        /// <summary>With <see cref="LoopbackPair.RawVsClient"/> only: the client with the in-memory idempotency store, a new key per send.</summary>
        Keyed,

        /// <summary>The measured client (no store) sent the same new message with a new key per send as <see cref="Keyed"/>.</summary>
        KeyedWithoutStore,
    }

    /// <summary>What <see cref="LoopbackSenders"/> compares: the baseline side first, the measured side second.</summary>
    internal enum LoopbackPair
    {
        /// <summary>A raw <see cref="HttpClient"/> post against <see cref="JuheSmsClient.SendAsync"/>.</summary>
        RawVsClient,

        /// <summary>A client from <c>AddJuheSms</c> without the one-request guard against one with it (issue 14).</summary>
        GuardOffVsOn,
    }
}
