using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Testing;
using StackExchange.Redis;
using Xunit;

namespace JuheSms.Redis.Tests
{
    /// <summary>
    /// Two client instances in two processes (this one and JuheSms.Redis.SenderProcess) share one Redis: five immediate sends
    /// to one number reach a provider once in all, and four are throttled without touching the network.
    /// </summary>
    [Collection(RedisCollection.Name)]
    public class RedisGuardCrossProcessTests
    {
        private readonly RedisFixture _fixture;

        public RedisGuardCrossProcessTests(RedisFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task Five_immediate_sends_from_two_processes_reach_the_provider_once()
        {
            string prefix = RedisFixture.UniquePrefix();
            const string mobile = "13800138000";
            using ConnectionMultiplexer redis = _fixture.Server.Connect();
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            sandbox.EnforceFrequencyLimits = false;
            var client = new JuheSmsClient(
                new HttpClient(sandbox),
                new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = new Uri("http://v.juhe.cn/sms/send") },
                null,
                null,
                new RedisSmsSendGuard(redis, new RedisSmsSendGuardOptions { KeyPrefix = prefix }));

            using Process other = StartSender(_fixture.Server.Endpoint, prefix, mobile, sends: 3);
            Assert.Equal("ready", await ReadLineAsync(other));

            // Go: the other process sends 3 while this one sends 2, all at once.
            await other.StandardInput.WriteLineAsync("go");
            await other.StandardInput.FlushAsync();
            Task<(int Sent, int Throttled)>[] local = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await client.SendAsync(new SmsMessage(mobile, 1, new Dictionary<string, string> { ["code"] = "1234" }));
                    return (1, 0);
                }
                catch (SmsThrottledException)
                {
                    return (0, 1);
                }
            })).ToArray();
            (int Sent, int Throttled)[] mine = await Task.WhenAll(local);
            string result = await ReadLineAsync(other);
            Assert.True(await WaitForExitAsync(other), "the sender process did not exit");
            Assert.Equal(0, other.ExitCode);

            Match m = Regex.Match(result, @"^result requests=(\d+) sent=(\d+) throttled=(\d+) other=(\d+)$");
            Assert.True(m.Success, "unexpected output from the sender process: " + result);
            int theirRequests = int.Parse(m.Groups[1].Value), theirSent = int.Parse(m.Groups[2].Value);
            int theirThrottled = int.Parse(m.Groups[3].Value), theirOther = int.Parse(m.Groups[4].Value);

            Assert.Equal(0, theirOther);
            Assert.Equal(1, mine.Sum(x => x.Sent) + theirSent);
            Assert.Equal(4, mine.Sum(x => x.Throttled) + theirThrottled);
            Assert.Equal(1, sandbox.Requests + theirRequests); // the network was touched once in all
            Assert.Equal(1, await redis.GetDatabase().SortedSetLengthAsync(prefix + ":" + mobile));
        }

        private static Process StartSender(string endpoint, string prefix, string mobile, int sends)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "JuheSms.Redis.SenderProcess.dll");
            Assert.True(File.Exists(dll), "the sender program is missing: " + dll);
            // The dotnet host running these tests, so the child uses the same runtime (falls back to PATH).
            string host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
            var start = new ProcessStartInfo(host)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
            };
            foreach (string arg in new[] { dll, endpoint, prefix, mobile, sends.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            return Process.Start(start) ?? throw new InvalidOperationException("could not start the sender process");
        }

        // Safety nets against a hung child (not timing assertions).
        private static async Task<string> ReadLineAsync(Process process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            return line ?? "(the sender process closed its output; exit code " + (process.HasExited ? process.ExitCode.ToString() : "none yet") + ")";
        }

        private static async Task<bool> WaitForExitAsync(Process process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
        }
    }
}
