using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// Sends end to end over loopback: <see cref="JuheSmsClient.SendAsync"/> (validation, body, time-out, response parsing)
    /// beside a raw <see cref="System.Net.Http.HttpClient"/> posting a pre-built identical body and reading the answer as
    /// bytes (the floor any client can reach); see <see cref="LoopbackSenders"/>. Both talk to the same
    /// <see cref="LoopbackServer"/>, run in a child process (<see cref="LoopbackServerProcess"/>) so that its threads and
    /// allocations are not measured with the clients'. Each operation is 64 sends by <see cref="Concurrency"/> concurrent
    /// senders, and the figures are per send. Target: the client at least 0.95 times the raw throughput, i.e. a time
    /// ratio of at most 1.05. For a steadier ratio on a noisy machine, see <see cref="LoopbackAbCommand"/> (loopback-ab).
    /// </summary>
    [BenchmarkCategory("LoopbackSend")]
    public class LoopbackSendBenchmarks
    {
        private const int SendsPerOperation = 64;

        private LoopbackServerProcess? _server;
        private LoopbackSenders? _senders;

        /// <summary>Concurrent senders (1: latency-bound; 8: throughput-bound).</summary>
        [Params(1, 8)]
        public int Concurrency { get; set; }

        /// <summary>
        /// Starts the server process, checks that both ways get the success answer and warms both up until the JIT is quiet
        /// (<see cref="LoopbackSenders.WarmUp"/>); stops the server again if anything fails.
        /// </summary>
        [GlobalSetup]
        public void Setup()
        {
            try
            {
                _server = LoopbackServerProcess.Start();
                _senders = new LoopbackSenders(_server.Endpoint);
                _senders.Check();
                if (_server.Requests() != 2)
                {
                    throw new InvalidOperationException("The server did not count the two checking requests.");
                }

                _senders.WarmUp(Concurrency, minSends: 5000, maxDuration: TimeSpan.FromSeconds(20));
            }
            catch
            {
                // BenchmarkDotNet does not run the cleanup after a failed setup: no orphan server process.
                Cleanup();
                throw;
            }
        }

        /// <summary>Stops the clients and the server process.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            _senders?.Dispose();
            _senders = null;
            _server?.Dispose();
            _server = null;
        }

        /// <summary>Baseline: HttpClient posting the pre-built body.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = SendsPerOperation)]
        public Task RawHttpClient() => _senders!.RunAsync(raw: true, Concurrency, SendsPerOperation);

        /// <summary>JuheSmsClient.SendAsync.</summary>
        [Benchmark(OperationsPerInvoke = SendsPerOperation)]
        public Task JuheSmsClientSend() => _senders!.RunAsync(raw: false, Concurrency, SendsPerOperation);
    }
}
