using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// <c>send-breakdown [--rounds N] [--sends N]</c>: what the client spends per send apart from the network. Both sides
    /// send through an <see cref="HttpClient"/> over an in-memory handler that reads the request body and answers at once
    /// with the page's success JSON, so the difference is the client's own work; then each step of that work alone in a
    /// hot loop. Interleaved rounds, medians, one process (a ratio, never a wall time, is what to compare across runs).
    /// </summary>
    internal static class SendBreakdownCommand
    {
        public const string Name = "send-breakdown";

        private const string Key = "0123456789abcdef0123456789abcdef";
        private const string Mobile = "13800138000";
        private const int TplId = 123457;

        public static bool TryRun(string[] args, out int exitCode)
        {
            exitCode = 0;
            if (args.Length == 0 || !string.Equals(args[0], Name, StringComparison.Ordinal))
            {
                return false;
            }

            int rounds = 30;
            int sends = 20000;
            for (int i = 1; i + 1 < args.Length; i += 2)
            {
                if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value <= 0)
                {
                    Console.Error.WriteLine("usage: " + Name + " [--rounds N] [--sends N]");
                    exitCode = 2;
                    return true;
                }

                switch (args[i])
                {
                    case "--rounds": rounds = value; break;
                    case "--sends": sends = value; break;
                    default:
                        Console.Error.WriteLine("usage: " + Name + " [--rounds N] [--sends N]");
                        exitCode = 2;
                        return true;
                }
            }

            var variables = new Dictionary<string, string> { ["name"] = "张先生", ["order"] = "SO20251125001", ["tracking"] = "SF1234567890123" };
            var message = new SmsMessage(Mobile, TplId, variables);
            byte[] body = SmsRequestWriter.WriteBody(Key, Mobile, TplId, variables, null, VariableEncoding.Vars);
            var endpoint = new Uri("http://127.0.0.1:1/sms/send");
            using var rawHttp = new HttpClient(new InMemoryProvider());
            // The client over an HttpMessageInvoker (as AddJuheSms builds it), and once over an HttpClient for comparison.
            using var clientHttp = new HttpMessageInvoker(new InMemoryProvider());
            var client = new JuheSmsClient(clientHttp, new JuheSmsOptions { Key = Key, Endpoint = endpoint });
            using var overHttpClient = new HttpClient(new InMemoryProvider());
            var clientOverHttpClient = new JuheSmsClient(overHttpClient, new JuheSmsOptions { Key = Key, Endpoint = endpoint });

            using var keyedHttp = new HttpMessageInvoker(new InMemoryProvider());
            // A 1-second retention at a few hundred thousand sends a second is more keys than the default MaxKeys (100,000).
            var store = new InMemorySmsIdempotencyStore(new InMemorySmsIdempotencyStoreOptions { Retention = TimeSpan.FromSeconds(1), MaxKeys = 10_000_000 });
            var keyedClient = new JuheSmsClient(keyedHttp, new JuheSmsOptions { Key = Key, Endpoint = endpoint }, null, null, null, store);
            long keys = 0;

            var cases = new List<(string Name, Func<int, Task> Run)>
            {
                ("raw post (baseline)", async n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        var content = new ByteArrayContent(body);
                        content.Headers.ContentType = new MediaTypeHeaderValue(SmsRequestWriter.ContentType);
                        using HttpResponseMessage response = await rawHttp.PostAsync(endpoint, content).ConfigureAwait(false);
                        _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    }
                }),
                ("JuheSmsClient.SendAsync", async n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        await client.SendAsync(message).ConfigureAwait(false);
                    }
                }),
                ("  the same over an HttpClient", async n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        await clientOverHttpClient.SendAsync(message).ConfigureAwait(false);
                    }
                }),
                ("  the same with a new message and key, no store", async n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        await client.SendAsync(new SmsMessage(Mobile, TplId, variables) { IdempotencyKey = "order-" + (++keys).ToString(CultureInfo.InvariantCulture) }).ConfigureAwait(false);
                    }
                }),
                ("  ... with the in-memory idempotency store", async n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        await keyedClient.SendAsync(new SmsMessage(Mobile, TplId, variables) { IdempotencyKey = "order-" + (++keys).ToString(CultureInfo.InvariantCulture) }).ConfigureAwait(false);
                    }
                }),
            };

            // The client's own steps, each alone (synchronous loops, wrapped as tasks to share the harness).
            byte[] success = Encoding.UTF8.GetBytes(LoopbackServer.SuccessJson);
            byte[] keyField = SmsRequestWriter.EncodeKeyField(Key);
            var steps = new List<(string Name, Func<int, Task> Run)>
            {
                ("  step: message checks", n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        _ = SmsMessageChecks.Check(message);
                    }

                    return Task.CompletedTask;
                }),
                ("  step: request body", n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        _ = SmsRequestWriter.WriteBody(keyField, Mobile, TplId, variables, null, VariableEncoding.Vars);
                    }

                    return Task.CompletedTask;
                }),
                ("  step: response parse", n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        _ = SmsResponseParser.Parse(success);
                    }

                    return Task.CompletedTask;
                }),
            };
            cases.AddRange(steps);

            Console.WriteLine($"{Name}: {rounds} rounds x {sends} sends per case, in-memory handler; {Environment.ProcessorCount} cores");
            // Warm-up until the JIT has compiled nothing for a second (tiered compilation and PGO recompile hot methods for
            // a while; JuheSms.dll is not ReadyToRun, so its code starts unoptimised while the framework's does not).
            var quiet = Stopwatch.StartNew();
            var total = Stopwatch.StartNew();
            long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            while (quiet.Elapsed < TimeSpan.FromSeconds(1) && total.Elapsed < TimeSpan.FromSeconds(60))
            {
                foreach ((string _, Func<int, Task> run) in cases)
                {
                    run(2000).GetAwaiter().GetResult();
                }

                long now = System.Runtime.JitInfo.GetCompiledMethodCount();
                if (now != compiled)
                {
                    compiled = now;
                    quiet.Restart();
                }
            }

            var times = cases.Select(_ => new List<double>()).ToArray();
            var bytes = cases.Select(_ => new List<double>()).ToArray();
            for (int r = 0; r < rounds; r++)
            {
                for (int c = 0; c < cases.Count; c++)
                {
                    int index = r % 2 == 0 ? c : cases.Count - 1 - c;
                    long b0 = GC.GetAllocatedBytesForCurrentThread();
                    long t0 = Stopwatch.GetTimestamp();
                    cases[index].Run(sends).GetAwaiter().GetResult();
                    double ns = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / sends;
                    long b1 = GC.GetAllocatedBytesForCurrentThread();
                    times[index].Add(ns);
                    bytes[index].Add((double)(b1 - b0) / sends);
                }
            }

            double baseline = Median(times[0]);
            foreach ((int c, (string name, _)) in cases.Select((x, i) => (i, x)))
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-40} {1,9:F0} ns  {2,7:F0} B   {3:F3} x baseline", name, Median(times[c]), Median(bytes[c]), Median(times[c]) / baseline));
            }

            return true;
        }

        private static double Median(List<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        /// <summary>Reads the request body (as the wire would) and answers with the success JSON at once.</summary>
        private sealed class InMemoryProvider : HttpMessageHandler
        {
            private static readonly byte[] Success = Encoding.UTF8.GetBytes(LoopbackServer.SuccessJson);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                await request.Content!.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                var content = new ByteArrayContent(Success);
                content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf-8");
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            }
        }
    }
}
