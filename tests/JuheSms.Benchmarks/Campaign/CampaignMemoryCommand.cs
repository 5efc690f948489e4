using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Benchmarks.Runtime;

namespace JuheSms.Benchmarks.Campaign
{
    /// <summary>
    /// <c>campaign-memory [--numbers 10000,1000000] [--concurrency 8] [--list]</c>: runs the streaming campaign
    /// (<c>SendManyAsync</c> over an <see cref="IAsyncEnumerable{T}"/> of numbers, results consumed as they come) against
    /// the loopback stand-in of the provider in a child process (<see cref="LoopbackServerProcess"/>), once per size, and
    /// prints the managed heap's peak (sampled every 10 ms, after a full collection at the start), the process's peak
    /// working set, and the bytes allocated per number. Numbers are made on the fly, so the input holds nothing either.
    /// <c>--list</c> adds the list form (<c>SendManyAsync</c> over an array, all results returned at the end) for comparison:
    /// its memory grows with the campaign. The client has no idempotency store (a Redis one keeps its keys out of the
    /// process; the in-memory one would hold a key per number).
    /// </summary>
    internal static class CampaignMemoryCommand
    {
        public const string Name = "campaign-memory";

        public static bool TryRun(string[] args, out int exitCode)
        {
            exitCode = 0;
            if (args.Length == 0 || !string.Equals(args[0], Name, StringComparison.Ordinal))
            {
                return false;
            }

            int[] sizes = { 10_000, 1_000_000 };
            int concurrency = 8;
            bool list = false;
            for (int i = 1; i < args.Length; i++)
            {
                string value = i + 1 < args.Length ? args[i + 1] : string.Empty;
                switch (args[i])
                {
                    case "--numbers":
                        sizes = value.Split(',').Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                        i++;
                        break;
                    case "--concurrency":
                        concurrency = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--list":
                        list = true;
                        break;
                    default:
                        Console.Error.WriteLine("usage: " + Name + " [--numbers 10000,1000000] [--concurrency 8] [--list]   (bad argument: " + args[i] + ")");
                        exitCode = 2;
                        return true;
                }
            }

            using LoopbackServerProcess server = LoopbackServerProcess.Start();
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var client = new JuheSmsClient(http, new JuheSmsOptions { Key = "benchmark-key", Endpoint = server.Endpoint });
            var template = new SmsMessage("", 1, new Dictionary<string, string> { ["code"] = "1234" });
            var options = new SmsBatchOptions { MaxConcurrency = concurrency };

            // Warm-up: JIT, connection pool.
            Run("warm-up", 2_000, () => StreamAsync(client, template, 2_000, options));

            Console.WriteLine($"{Name}: concurrency {concurrency}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            Console.WriteLine("form | numbers | peak managed heap | peak working set | allocated B/number | s | sent");
            long expected = 2_000;
            foreach (int size in sizes)
            {
                Run("stream", size, () => StreamAsync(client, template, size, options));
                expected += size;
                if (list)
                {
                    Run("list", size, () => ListAsync(client, template, size, options));
                    expected += size;
                }
            }

            int answered = server.Requests();
            Console.WriteLine($"server answered {answered} requests (expected {expected}); load average {LoadAverage()}");
            exitCode = answered == expected ? 0 : 1;
            return true;
        }

        private static void Run(string form, int size, Func<Task<int>> campaign)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            long baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peakHeap = baseline;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                    try
                    {
                        await Task.Delay(10, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });

            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            int sent = campaign().GetAwaiter().GetResult();
            watch.Stop();
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            stop.Cancel();
            sampler.GetAwaiter().GetResult();

            if (form == "warm-up")
            {
                return;
            }

            using Process self = Process.GetCurrentProcess();
            Console.WriteLine(string.Join(" | ",
                form,
                size.ToString("N0", CultureInfo.InvariantCulture),
                Mb(peakHeap),
                Mb(self.PeakWorkingSet64),
                (allocated / (double)size).ToString("F0", CultureInfo.InvariantCulture),
                watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                sent.ToString(CultureInfo.InvariantCulture)));
        }

        private static async Task<int> StreamAsync(IJuheSmsClient client, SmsMessage template, int size, SmsBatchOptions options)
        {
            int sent = 0;
            await foreach (SmsBatchItemResult result in client.SendManyAsync(template, Numbers(size), options))
            {
                if (result.Succeeded)
                {
                    sent++;
                }
            }

            return sent;
        }

        private static async Task<int> ListAsync(IJuheSmsClient client, SmsMessage template, int size, SmsBatchOptions options)
        {
            string[] numbers = new string[size];
            for (int i = 0; i < size; i++)
            {
                numbers[i] = Number(i);
            }

            IReadOnlyList<SmsBatchItemResult> results = await client.SendManyAsync(template, numbers, options);
            return results.Count(r => r.Succeeded);
        }

        private static async IAsyncEnumerable<string> Numbers(int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (int i = 0; i < size; i++)
            {
                if ((i & 1023) == 0)
                {
                    await Task.Yield();
                }

                yield return Number(i);
            }
        }

        // Distinct valid numbers of several carriers (138 China Mobile, 186 China Unicom, 189 China Telecom).
        private static string Number(int i)
            => (i % 3 == 0 ? "138" : i % 3 == 1 ? "186" : "189") + (i / 3).ToString("D8", CultureInfo.InvariantCulture);

        private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MB";

        private static string LoadAverage()
        {
            try
            {
                return System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                return "n/a";
            }
        }
    }
}
