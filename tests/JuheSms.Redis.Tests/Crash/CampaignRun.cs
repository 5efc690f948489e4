using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace JuheSms.Redis.Tests.Crash
{
    /// <summary>
    /// One run of the campaign child process (JuheSms.Redis.CampaignProcess): started, told to go, and either killed with
    /// SIGKILL (<see cref="Process.Kill()"/> on Linux) after a delay or read to the end. Its per-number lines are kept.
    /// </summary>
    internal sealed class CampaignRun : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = new List<string>();
        private readonly Task _reading;

        private CampaignRun(Process process)
        {
            _process = process;
            _reading = Task.Run(ReadAllAsync);
        }

        /// <summary>True when the run printed "done".</summary>
        public bool Done { get; private set; }

        /// <summary>How many sends of this run timed out or lost their connection after the request went out.</summary>
        public int TimeOuts { get; private set; }

        /// <summary>The outcome of each number this run printed, by number.</summary>
        public Dictionary<string, (string Outcome, string? Sid)> Outcomes { get; } = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);

        public static async Task<CampaignRun> StartAsync(CampaignSetup setup, string mode)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "JuheSms.Redis.CampaignProcess.dll");
            Assert.True(File.Exists(dll), "the campaign program is missing: " + dll);
            string host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
            var start = new ProcessStartInfo(host)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string arg in new[]
            {
                dll, setup.RedisEndpoint, setup.KeyPrefix, setup.ProviderEndpoint.ToString(), setup.BatchId, setup.NumbersFile,
                setup.MaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), mode,
            })
            {
                start.ArgumentList.Add(arg);
            }

            Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start the campaign process");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var run = new CampaignRun(process);
            await run.WaitForStartedAsync();
            return run;
        }

        /// <summary>Lets the campaign begin sending.</summary>
        public async Task GoAsync()
        {
            await _process.StandardInput.WriteLineAsync("go");
            await _process.StandardInput.FlushAsync();
        }

        /// <summary>Kills the process with SIGKILL after <paramref name="delay"/> (unless it finished first); true when it was killed mid-run.</summary>
        public async Task<bool> KillAfterAsync(TimeSpan delay)
        {
            Task finished = await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(delay));
            bool killed = false;
            if (!_process.HasExited)
            {
                _process.Kill(); // SIGKILL: no finally blocks, no flush, no goodbye to Redis
                killed = true;
            }

            await WaitForExitAsync();
            return killed && !Done;
        }

        /// <summary>Waits for the run to end on its own (a safety net of 60 s against a hung child, not a timing assertion).</summary>
        public async Task WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException("the campaign process did not finish within 60 s");
            }

            await _reading;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private async Task WaitForStartedAsync()
        {
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                lock (_lines)
                {
                    if (_lines.Contains("started"))
                    {
                        return;
                    }
                }

                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    await _reading;
                    throw new InvalidOperationException("the campaign process did not start; its output: " + string.Join(" | ", _lines));
                }

                await Task.Delay(10);
            }
        }

        private async Task ReadAllAsync()
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }

                if (line == "done")
                {
                    Done = true;
                    continue;
                }

                if (line.StartsWith("error ", StringComparison.Ordinal) && line.Contains("JuheSmsTransportException", StringComparison.Ordinal)
                    && line.Contains("may have accepted", StringComparison.Ordinal))
                {
                    TimeOuts++;
                }

                string[] parts = line.Split(' ', 3);
                if (parts.Length >= 2 && parts[0] != "started")
                {
                    Outcomes[parts[1]] = (parts[0], parts.Length > 2 ? parts[2] : null);
                }
            }
        }
    }

    /// <summary>What every run of one campaign shares.</summary>
    internal sealed record CampaignSetup(string RedisEndpoint, string KeyPrefix, Uri ProviderEndpoint, string BatchId, string NumbersFile, int MaxConcurrency);
}
