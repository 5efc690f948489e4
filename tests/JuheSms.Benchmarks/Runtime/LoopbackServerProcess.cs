using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// A <see cref="LoopbackServer"/> in a child process (this benchmark program run with <c>serve-loopback</c>), so that
    /// its threads, CPU time and allocations stay out of the process whose sends are measured. Disposing it closes the
    /// child's stdin (it exits on its own) and kills it if it is still there.
    /// </summary>
    internal sealed class LoopbackServerProcess : IDisposable
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

        private readonly Process _process;

        private LoopbackServerProcess(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public Uri Endpoint => new Uri("http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + "/sms/send");

        /// <summary>Starts the child and waits for its port; on any failure the child is killed before the exception leaves.</summary>
        public static LoopbackServerProcess Start()
        {
            ProcessStartInfo start = CreateStartInfo();
            Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the loopback server process.");
            try
            {
                process.StandardError.ReadToEndAsync(); // Drain, so a chatty child never blocks on a full pipe.
                Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
                if (!firstLine.Wait(StartTimeout))
                {
                    throw new TimeoutException("The loopback server process did not print its port within " + StartTimeout.TotalSeconds + " s.");
                }

                if (!int.TryParse(firstLine.Result, NumberStyles.None, CultureInfo.InvariantCulture, out int port))
                {
                    throw new InvalidOperationException("The loopback server process printed '" + firstLine.Result + "' instead of its port (exit code " + (process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "none yet") + ").");
                }

                return new LoopbackServerProcess(process, port);
            }
            catch
            {
                Kill(process);
                throw;
            }
        }

        /// <summary>The requests the server answered so far (asked over the child's stdin).</summary>
        public int Requests()
        {
            _process.StandardInput.WriteLine("count");
            _process.StandardInput.Flush();
            string? line = _process.StandardOutput.ReadLine();
            return int.Parse(line ?? "-1", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000))
                {
                    Kill(_process);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is InvalidOperationException)
            {
                Kill(_process);
            }

            _process.Dispose();
        }

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is Win32Exception)
            {
                // Already gone.
            }
        }

        /// <summary>
        /// How to run this program again: its apphost when there is one next to the assembly, else <c>dotnet</c> with the
        /// assembly (BenchmarkDotNet's out-of-process runs load this assembly from a generated program, so the running
        /// executable is not necessarily ours).
        /// </summary>
        private static ProcessStartInfo CreateStartInfo()
        {
            string assembly = typeof(LoopbackServerProcess).Assembly.Location;
            string directory = Path.GetDirectoryName(assembly)!;
            string name = Path.GetFileNameWithoutExtension(assembly);
            string appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);

            ProcessStartInfo start;
            if (File.Exists(appHost))
            {
                start = new ProcessStartInfo(appHost);
            }
            else
            {
                string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
                start = new ProcessStartInfo(dotnet);
                start.ArgumentList.Add(assembly);
            }

            start.ArgumentList.Add(ServeLoopbackCommand.Name);
            start.UseShellExecute = false;
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.WorkingDirectory = directory;
            return start;
        }
    }
}
