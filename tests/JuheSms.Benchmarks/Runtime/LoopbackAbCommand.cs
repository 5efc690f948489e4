using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// <c>loopback-ab [--rounds N] [--sends N] [--warmup N] [--concurrency 1,8]</c>: an interleaved A/B run of the two
    /// <see cref="LoopbackSenders"/> against one <see cref="LoopbackServerProcess"/>. After a warm-up, each round times a
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

            int rounds = 30;
            int sends = 1000;
            int warmup = 20000; // JuheSms.dll is not ReadyToRun: let tiered compilation reach tier 1 on both sides first.
            int[] concurrencies = { 1, 8 };
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
                    default:
                        Console.Error.WriteLine("usage: " + Name + " [--rounds N] [--sends N] [--warmup N] [--concurrency 1,8]   (bad argument: " + args[i] + ")");
                        exitCode = 2;
                        return true;
                }
            }

            Console.WriteLine($"loopback-ab: {rounds} rounds x {sends} sends per side, warm-up {warmup} per side; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            using LoopbackServerProcess server = LoopbackServerProcess.Start();
            using var senders = new LoopbackSenders(server.Endpoint);
            senders.Check();

            Console.WriteLine("senders | raw us/send | client us/send | ratio client/raw (p25-p75) | throughput client/raw | raw CPU us | client CPU us | raw B/send | client B/send");
            foreach (int concurrency in concurrencies)
            {
                Run(senders, concurrency, rounds, sends, warmup);
            }

            long expected = 2 + (long)concurrencies.Sum(c => 2L * (warmup / c * c) + 2L * rounds * (sends / c * c));
            int answered = server.Requests();
            Console.WriteLine($"server answered {answered} requests (expected {expected}); load average {LoadAverage()}");
            if (answered != expected)
            {
                exitCode = 1;
            }

            return true;
        }

        private static void Run(LoopbackSenders senders, int concurrency, int rounds, int sends, int warmup)
        {
            senders.RunAsync(raw: true, concurrency, warmup).GetAwaiter().GetResult();
            senders.RunAsync(raw: false, concurrency, warmup).GetAwaiter().GetResult();

            int perBlock = sends / concurrency * concurrency;
            var raw = new List<Block>(rounds);
            var client = new List<Block>(rounds);
            for (int r = 0; r < rounds; r++)
            {
                if (r % 2 == 0)
                {
                    raw.Add(Measure(senders, raw: true, concurrency, perBlock));
                    client.Add(Measure(senders, raw: false, concurrency, perBlock));
                }
                else
                {
                    client.Add(Measure(senders, raw: false, concurrency, perBlock));
                    raw.Add(Measure(senders, raw: true, concurrency, perBlock));
                }
            }

            double[] ratios = raw.Zip(client, (a, b) => b.MicrosPerSend / a.MicrosPerSend).ToArray();
            double ratio = Median(ratios);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0,7} | {1,11:F1} | {2,14:F1} | {3,5:F3} ({4:F3}-{5:F3})      | {6,21:F3} | {7,10:F1} | {8,13:F1} | {9,10:F0} | {10,13:F0}",
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
                Median(client.Select(b => b.BytesPerSend))));
        }

        private static Block Measure(LoopbackSenders senders, bool raw, int concurrency, int count)
        {
            TimeSpan cpu0 = Environment.CpuUsage.TotalTime;
            long bytes0 = GC.GetTotalAllocatedBytes(precise: true);
            long start = Stopwatch.GetTimestamp();
            senders.RunAsync(raw, concurrency, count).GetAwaiter().GetResult();
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            long bytes1 = GC.GetTotalAllocatedBytes(precise: true);
            TimeSpan cpu1 = Environment.CpuUsage.TotalTime;
            return new Block(
                elapsed.TotalMicroseconds / count,
                (cpu1 - cpu0).TotalMicroseconds / count,
                (double)(bytes1 - bytes0) / count);
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

        private readonly record struct Block(double MicrosPerSend, double CpuMicrosPerSend, double BytesPerSend);
    }
}
