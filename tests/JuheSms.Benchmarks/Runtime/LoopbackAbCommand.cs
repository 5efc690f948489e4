using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// <c>loopback-ab [--rounds N] [--sends N] [--warmup N] [--concurrency 1,8] [--pair raw|guard] [--transport invoker|httpclient]</c>: an interleaved A/B
    /// run of the two <see cref="LoopbackSenders"/> against one <see cref="LoopbackServerProcess"/>: by default a raw post
    /// against the client; with <c>--pair guard</c> a client from <c>AddJuheSms</c> without the one-request guard
    /// (<see cref="JuheSmsOneRequestHandler"/>, issue 14) against one with it, so the ratio is the guard's cost per send. After a warm-up, each round times a
    /// block of raw sends and a block of client sends back to back (the order alternating from round to round), so that
    /// load from elsewhere on the machine hits both sides of a round alike; the per-round ratio cancels that drift and
    /// the median over the rounds ignores the rounds a burst hit harder on one side. Per concurrency it prints each
    /// side's median wall time, CPU time of this process and allocated bytes per send, and the median (and quartiles) of
    /// the per-round time ratio client/raw. Allocations are <see cref="GC.GetTotalAllocatedBytes(bool)"/> deltas (every
    /// thread of this process; the server is in the child process, so none of its bytes are counted).
    /// </summary>
    internal static class LoopbackAbCommand
    {
        public const string Name = "loopback-ab";

        public static bool TryRun(string[] args, out int exitCode)
        {
            exitCode = 0;
            if (args.Length == 0 || !string.Equals(args[0], Name, StringComparison.Ordinal))
            {
                return false;
            }

            int rounds = 100;
            int sends = 500;
            int warmup = 20000; // At least this many per side, and on until the JIT is quiet (LoopbackSenders.WarmUp).
            int[] concurrencies = { 1, 8 };
            LoopbackPair pair = LoopbackPair.RawVsClient;
            bool overHttpClient = false;
            for (int i = 1; i < args.Length; i++)
            {
                string value = i + 1 < args.Length ? args[i + 1] : string.Empty;
                switch (args[i])
                {
                    case "--rounds" when TryPositive(value, out rounds):
                    case "--sends" when TryPositive(value, out sends):
                    case "--warmup" when TryPositive(value, out warmup):
                        i++;
                        break;
                    case "--concurrency" when TryList(value, out concurrencies):
                        i++;
                        break;
                    case "--transport" when value == "invoker" || value == "httpclient":
                        overHttpClient = value == "httpclient";
                        i++;
                        break;
                    case "--pair" when value == "raw" || value == "guard":
                        pair = value == "guard" ? LoopbackPair.GuardOffVsOn : LoopbackPair.RawVsClient;
                        i++;
                        break;
                    default:
                        Console.Error.WriteLine("usage: " + Name + " [--rounds N] [--sends N] [--warmup N] [--concurrency 1,8] [--pair raw|guard] [--transport invoker|httpclient]   (bad argument: " + args[i] + ")");
                        exitCode = 2;
                        return true;
                }
            }

            Console.WriteLine($"loopback-ab: {rounds} rounds x {sends} sends per side, warm-up at least {warmup} per side until the JIT is quiet; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            using LoopbackServerProcess server = LoopbackServerProcess.Start();
            using var senders = new LoopbackSenders(server.Endpoint, pair, overHttpClient);
            senders.Check();

            Console.WriteLine(pair == LoopbackPair.GuardOffVsOn
                ? "pair guard: raw = AddJuheSms client with one pass-through handler of the application's, without JuheSmsOneRequestHandler; client = the same with it (the chain AddJuheSms builds when the application adds any handler)"
                : "pair raw: raw = HttpClient posting the pre-built body, client = JuheSmsClient.SendAsync over " + (overHttpClient ? "an HttpClient (--transport httpclient)" : "an HttpMessageInvoker, as AddJuheSms builds it"));
            Console.WriteLine("senders | raw us/send | client us/send | ratio client/raw (p25-p75) | throughput client/raw | raw CPU us | client CPU us | raw B/send | client B/send | raw items/send | client items/send");
            var notes = new List<string>();
            long expected = senders.HasKeyedSide ? 3 : 2; // Check(): one send per side.
            foreach (int concurrency in concurrencies)
            {
                expected += Run(senders, concurrency, rounds, sends, warmup, notes);
            }

            if (senders.HasKeyedSide)
            {
                foreach (int concurrency in concurrencies)
                {
                    expected += RunKeyed(senders, concurrency, rounds, sends, warmup, notes);
                }
            }

            foreach (string note in notes)
            {
                Console.WriteLine(note);
            }

            int answered = server.Requests();
            Console.WriteLine($"server answered {answered} requests (expected {expected}); load average {LoadAverage()}");
            if (answered != expected)
            {
                exitCode = 1;
            }

            return true;
        }

        /// <summary>Warm-up and rounds at one concurrency; prints the result line, adds a note, returns the requests made.</summary>
        private static long Run(LoopbackSenders senders, int concurrency, int rounds, int sends, int warmup, List<string> notes)
        {
            (int warmed, bool jitQuiet) = senders.WarmUp(concurrency, warmup, TimeSpan.FromSeconds(60));
            long jitMethods0 = System.Runtime.JitInfo.GetCompiledMethodCount();
            TimeSpan jitTime0 = System.Runtime.JitInfo.GetCompilationTime();
            int gen0 = GC.CollectionCount(0);
            int gen2 = GC.CollectionCount(2);

            int perBlock = sends / concurrency * concurrency;
            var raw = new List<Block>(rounds);
            var client = new List<Block>(rounds);
            Interleave(senders, LoopbackSide.Baseline, raw, LoopbackSide.Client, client, concurrency, rounds, perBlock);

            double[] ratios = raw.Zip(client, (a, b) => b.MicrosPerSend / a.MicrosPerSend).ToArray();
            double ratio = Median(ratios);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0,7} | {1,11:F1} | {2,14:F1} | {3,5:F3} ({4:F3}-{5:F3})      | {6,21:F3} | {7,10:F1} | {8,13:F1} | {9,10:F0} | {10,13:F0} | {11,14:F2} | {12,17:F2}",
                concurrency,
                Median(raw.Select(b => b.MicrosPerSend)),
                Median(client.Select(b => b.MicrosPerSend)),
                ratio,
                Percentile(ratios, 0.25),
                Percentile(ratios, 0.75),
                1 / ratio,
                Median(raw.Select(b => b.CpuMicrosPerSend)),
                Median(client.Select(b => b.CpuMicrosPerSend)),
                Median(raw.Select(b => b.BytesPerSend)),
                Median(client.Select(b => b.BytesPerSend)),
                Median(raw.Select(b => b.WorkItemsPerSend)),
                Median(client.Select(b => b.WorkItemsPerSend))));

            // What else ran in this process during the rounds: a busy JIT or many collections make a run less trustworthy.
            notes.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0} sender(s): warm-up {1} sends per side (JIT quiet: {2}); during the rounds the JIT compiled {3} methods in {4:F0} ms; GCs gen0 {5}, gen2 {6}",
                concurrency,
                warmed,
                jitQuiet ? "yes" : "no, stopped at 60 s",
                System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods0,
                (System.Runtime.JitInfo.GetCompilationTime() - jitTime0).TotalMilliseconds,
                GC.CollectionCount(0) - gen0,
                GC.CollectionCount(2) - gen2));
            return (2L * warmed) + (2L * rounds * perBlock);
        }

        /// <summary>
        /// The keyed phase at one concurrency (issue 12): a new message with a new key per send (as an application makes one
        /// per send), to the client without a store and to one with the in-memory idempotency store, interleaved the same
        /// way, so that the ratio is the store's cost alone. Run after every pair's rounds: the store keeps each key for its
        /// retention, and the collections those live entries cost would otherwise fall on whichever side ran next.
        /// </summary>
        private static long RunKeyed(LoopbackSenders senders, int concurrency, int rounds, int sends, int warmup, List<string> notes)
        {
            int perBlock = sends / concurrency * concurrency;
            (int keyedWarmed, _) = senders.WarmUp(LoopbackSide.KeyedWithoutStore, LoopbackSide.Keyed, concurrency, warmup / 4, TimeSpan.FromSeconds(30));
            var plain = new List<Block>(rounds);
            var keyed = new List<Block>(rounds);
            Interleave(senders, LoopbackSide.KeyedWithoutStore, plain, LoopbackSide.Keyed, keyed, concurrency, rounds, perBlock);
            long keyedRequests = (2L * keyedWarmed) + (2L * rounds * perBlock);
            double[] keyedRatios = plain.Zip(keyed, (a, b) => b.MicrosPerSend / a.MicrosPerSend).ToArray();
            notes.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0} sender(s), keyed phase (a new message with a new key per send, to the client without a store and to one with the in-memory idempotency store, interleaved the same way): keyed {1:F1} us/send, {2:F0} B/send (without the store {7:F0} B/send); ratio keyed/client {3:F3} ({4:F3}-{5:F3}), throughput keyed/client {6:F3}",
                concurrency,
                Median(keyed.Select(b => b.MicrosPerSend)),
                Median(keyed.Select(b => b.BytesPerSend)),
                Median(keyedRatios),
                Percentile(keyedRatios, 0.25),
                Percentile(keyedRatios, 0.75),
                1 / Median(keyedRatios),
                Median(plain.Select(b => b.BytesPerSend))));
            return keyedRequests;
        }

        /// <summary>Rounds of one block per side back to back, the order alternating from round to round.</summary>
        private static void Interleave(LoopbackSenders senders, LoopbackSide a, List<Block> aBlocks, LoopbackSide b, List<Block> bBlocks, int concurrency, int rounds, int perBlock)
        {
            for (int r = 0; r < rounds; r++)
            {
                if (r % 2 == 0)
                {
                    aBlocks.Add(Measure(senders, a, concurrency, perBlock));
                    bBlocks.Add(Measure(senders, b, concurrency, perBlock));
                }
                else
                {
                    bBlocks.Add(Measure(senders, b, concurrency, perBlock));
                    aBlocks.Add(Measure(senders, a, concurrency, perBlock));
                }
            }
        }

        private static Block Measure(LoopbackSenders senders, LoopbackSide side, int concurrency, int count)
        {
            TimeSpan cpu0 = Environment.CpuUsage.TotalTime;
            long bytes0 = GC.GetTotalAllocatedBytes(precise: true);
            long items0 = System.Threading.ThreadPool.CompletedWorkItemCount;
            long start = Stopwatch.GetTimestamp();
            senders.RunAsync(side, concurrency, count).GetAwaiter().GetResult();
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            long bytes1 = GC.GetTotalAllocatedBytes(precise: true);
            TimeSpan cpu1 = Environment.CpuUsage.TotalTime;
            long items1 = System.Threading.ThreadPool.CompletedWorkItemCount;
            return new Block(
                elapsed.TotalMicroseconds / count,
                (cpu1 - cpu0).TotalMicroseconds / count,
                (double)(bytes1 - bytes0) / count,
                (double)(items1 - items0) / count);
        }

        private static double Median(IEnumerable<double> values) => Percentile(values.ToArray(), 0.5);

        private static double Percentile(double[] values, double p)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            double index = p * (sorted.Length - 1);
            int low = (int)Math.Floor(index);
            int high = (int)Math.Ceiling(index);
            return sorted[low] + ((sorted[high] - sorted[low]) * (index - low));
        }

        private static bool TryPositive(string text, out int value)
            => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

        private static bool TryList(string text, out int[] values)
        {
            values = Array.Empty<int>();
            var list = new List<int>();
            foreach (string part in text.Split(','))
            {
                if (!TryPositive(part, out int value))
                {
                    return false;
                }

                list.Add(value);
            }

            values = list.ToArray();
            return values.Length > 0;
        }

        private static string LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
            }
            catch (IOException)
            {
                return "n/a";
            }
        }

        private readonly record struct Block(double MicrosPerSend, double CpuMicrosPerSend, double BytesPerSend, double WorkItemsPerSend);
    }
}
