using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using JuheSms.Internal;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// Sends end to end over loopback: <see cref="JuheSmsClient.SendAsync"/> (validation, body, time-out, response parsing)
    /// beside a raw <see cref="HttpClient"/> posting a pre-built identical body and reading the answer as bytes (the floor
    /// any client can reach). Both talk to the same <see cref="LoopbackServer"/>; each operation is 64 sends by
    /// <see cref="Concurrency"/> concurrent senders, and the figures are per send. Target: the client at least 0.95 times
    /// the raw throughput, i.e. a time ratio of at most 1.05.
    /// </summary>
    [BenchmarkCategory("LoopbackSend")]
    public class LoopbackSendBenchmarks
    {
        private const int SendsPerOperation = 64;

        private readonly Dictionary<string, string> _variables = new Dictionary<string, string>
        {
            ["name"] = "张先生",
            ["order"] = "SO20251125001",
            ["tracking"] = "SF1234567890123",
        };

        private LoopbackServer _server = null!;
        private HttpClient _rawHttp = null!;
        private HttpClient _clientHttp = null!;
        private JuheSmsClient _client = null!;
        private SmsMessage _message = null!;
        private byte[] _body = null!;
        private Uri _endpoint = null!;

        /// <summary>Concurrent senders (1: latency-bound; 8: throughput-bound).</summary>
        [Params(1, 8)]
        public int Concurrency { get; set; }

        /// <summary>Starts the server and checks that both ways get the success answer.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _server = new LoopbackServer();
            _endpoint = _server.Endpoint;
            _rawHttp = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            _clientHttp = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            _client = new JuheSmsClient(_clientHttp, new JuheSmsOptions { Key = "0123456789abcdef0123456789abcdef", Endpoint = _server.Endpoint });
            _message = new SmsMessage("13800138000", 123457, _variables);
            _body = SmsRequestWriter.WriteBody("0123456789abcdef0123456789abcdef", "13800138000", 123457, _variables, null, VariableEncoding.Vars);

            SmsSendResult result = _client.SendAsync(_message).GetAwaiter().GetResult();
            if (result.Sid != "23d6bc4913614919a823271d820662af" || result.Fee != 1)
            {
                throw new InvalidOperationException("The client did not read the success answer.");
            }

            int length = RawSendAsync().GetAwaiter().GetResult();
            if (length == 0 || _server.Requests != 2)
            {
                throw new InvalidOperationException("The raw post did not reach the server.");
            }
        }

        /// <summary>Stops the server.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            _rawHttp.Dispose();
            _clientHttp.Dispose();
            _server.Dispose();
        }

        /// <summary>Baseline: HttpClient posting the pre-built body.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = SendsPerOperation)]
        public Task RawHttpClient() => RunAsync(static self => self.RawSendAsync());

        /// <summary>JuheSmsClient.SendAsync.</summary>
        [Benchmark(OperationsPerInvoke = SendsPerOperation)]
        public Task JuheSmsClientSend() => RunAsync(static self => self.ClientSendAsync());

        private async Task<int> RawSendAsync()
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = new MediaTypeHeaderValue(SmsRequestWriter.ContentType);
            using HttpResponseMessage response = await _rawHttp.PostAsync(_endpoint, content).ConfigureAwait(false);
            byte[] bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return bytes.Length;
        }

        private async Task<int> ClientSendAsync()
        {
            SmsSendResult result = await _client.SendAsync(_message).ConfigureAwait(false);
            return result.Count;
        }

        private Task RunAsync(Func<LoopbackSendBenchmarks, Task<int>> send)
        {
            var workers = new Task[Concurrency];
            int perWorker = SendsPerOperation / Concurrency;
            for (int w = 0; w < workers.Length; w++)
            {
                workers[w] = Task.Run(async () =>
                {
                    for (int i = 0; i < perWorker; i++)
                    {
                        await send(this).ConfigureAwait(false);
                    }
                });
            }

            return Task.WhenAll(workers);
        }
    }
}
