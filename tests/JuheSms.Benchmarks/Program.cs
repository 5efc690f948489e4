using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace JuheSms.Benchmarks
{
    /// <summary>
    /// Runs the benchmarks. Examples:
    ///   dotnet run -c Release --project tests/JuheSms.Benchmarks -- --filter '*' --quick
    ///   dotnet run -c Release --project tests/JuheSms.Benchmarks -- --filter '*Analyzer*'
    /// <c>--quick</c> (ours, removed before BenchmarkDotNet sees the arguments) runs in-process with three warm-ups and
    /// ten iterations of about 100 ms each (the pilot stage picks the invocations per iteration: one for the slow
    /// benchmarks, many for the sub-microsecond ones, whose single invocation would be below the timer's resolution):
    /// everything in a few minutes on 2 cores, good for a sanity check, not for publishing. Without it, BenchmarkDotNet's
    /// ShortRun job. Memory is always measured.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (TestData.WriteTemplatesCommand.TryRun(args, out int exitCode)
                || Runtime.ServeLoopbackCommand.TryRun(args, out exitCode)
                || Runtime.LoopbackAbCommand.TryRun(args, out exitCode)
                || Runtime.SendBreakdownCommand.TryRun(args, out exitCode)
                || Campaign.CampaignMemoryCommand.TryRun(args, out exitCode))
            {
                return exitCode;
            }

            bool quick = args.Contains("--quick", StringComparer.Ordinal);
            string[] rest = args.Where(a => !string.Equals(a, "--quick", StringComparison.Ordinal)).ToArray();

            Job job = quick
                ? Job.Default
                    .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
                    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)).WithUnrollFactor(1)
                    .WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
                : Job.ShortRun;
            IConfig config = DefaultConfig.Instance
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .WithOptions(ConfigOptions.JoinSummary)
                // One table, but each Ratio against the baseline of its own category (one per class) and parameter values.
                .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
            return 0;
        }
    }
}
