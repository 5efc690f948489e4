using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace JuheSms.Redis.Tests
{
    /// <summary>
    /// A real redis-server for the tests: started from PATH on a free 127.0.0.1 port with no persistence, stopped at the end.
    /// Without redis-server on PATH the tests fail (never skip) with a message saying to install it
    /// (<c>apt-get install -y redis-server</c>, or <c>.ci/start-redis</c>).
    /// </summary>
    public sealed class RedisServer : IAsyncDisposable
    {
        private Process? _process;

        private RedisServer(int port)
        {
            Port = port;
        }

        public const int DefaultPort = 6379;

        public int Port { get; }

        /// <summary>True when the tests use a Redis they did not start (no redis-server on PATH): it cannot be stopped.</summary>
        public bool IsExternal { get; private set; }

        public string Endpoint => "127.0.0.1:" + Port;

        public bool IsRunning => _process is { HasExited: false };

        public static Task<RedisServer> StartAsync() => StartAsync(dataDirectory: null, port: null);

        /// <summary>
        /// Starts a server that keeps its data in <paramref name="dataDirectory"/> with an append-only file synced on every
        /// write (a kill loses nothing it acknowledged), so a test can kill it and start it again on the same port and data.
        /// </summary>
        public static Task<RedisServer> StartPersistentAsync(string dataDirectory, int? port = null) => StartAsync(dataDirectory, port);

        private static async Task<RedisServer> StartAsync(string? dataDirectory, int? port)
        {
            string? executable = FindOnPath("redis-server");
            if (executable is null)
            {
                // No binary to start: use a Redis already listening on the default port, if any (it cannot be stopped).
                var external = new RedisServer(DefaultPort) { IsExternal = true };
                if (await external.AnswersPingAsync())
                {
                    return external;
                }

                throw new InvalidOperationException(
                    "These tests need a real Redis: 'redis-server' was not found on PATH and nothing answers on 127.0.0.1:6379. "
                    + "Install it (Debian/Ubuntu: 'apt-get update && apt-get install -y redis-server', or run .ci/start-redis) and run the tests again.");
            }

            var server = new RedisServer(port ?? FreePort());
            var start = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            string[] persistence = dataDirectory is null
                ? new[] { "--appendonly", "no" }
                : new[] { "--dir", dataDirectory, "--appendonly", "yes", "--appendfsync", "always" };
            foreach (string arg in new[] { "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--daemonize", "no" }.Concat(persistence))
            {
                start.ArgumentList.Add(arg);
            }

            server._process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
            server._process.OutputDataReceived += (_, _) => { };
            server._process.ErrorDataReceived += (_, _) => { };
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            await server.WaitUntilAnsweringAsync();
            return server;
        }

        public ConnectionMultiplexer Connect()
        {
            var options = ConfigurationOptions.Parse(Endpoint);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            options.AsyncTimeout = 2000;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectRetry = 1;
            return ConnectionMultiplexer.Connect(options);
        }

        /// <summary>Kills the server (as a crash would) and waits for the process to be gone.</summary>
        public async Task StopAsync()
        {
            if (IsExternal)
            {
                throw new InvalidOperationException(
                    "This test stops Redis mid-run, so it needs its own redis-server: install redis-server so that it is on PATH "
                    + "('apt-get install -y redis-server'); the Redis on 127.0.0.1:6379 is not the tests' to stop.");
            }

            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (IsExternal)
            {
                return;
            }

            await StopAsync();
            _process?.Dispose();
        }

        // A readiness wait, not a timing assertion: poll PING until the server answers (at most 20 s).
        private async Task WaitUntilAnsweringAsync()
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (true)
            {
                if (_process!.HasExited)
                {
                    throw new InvalidOperationException($"redis-server exited at start-up with code {_process.ExitCode} (port {Port}).");
                }

                if (await AnswersPingAsync())
                {
                    return;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"redis-server did not answer PING on {Endpoint} within 20 s.");
                }

                await Task.Delay(50);
            }
        }

        private async Task<bool> AnswersPingAsync()
        {
            try
            {
                using var client = new TcpClient();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                using NetworkStream stream = client.GetStream();
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("PING\r\n"), timeout.Token);
                var buffer = new byte[16];
                int read = await stream.ReadAsync(buffer, timeout.Token);
                return read > 0 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is SocketException || ex is IOException || ex is OperationCanceledException)
            {
                return false;
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static string? FindOnPath(string name)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                if (dir.Length == 0)
                {
                    continue;
                }

                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>One redis-server shared by the tests of a collection; each test uses its own key prefix.</summary>
    public sealed class RedisFixture : Xunit.IAsyncLifetime
    {
        public RedisServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();

        public static string UniquePrefix() => "test:" + Guid.NewGuid().ToString("N") + ":";
    }

    [Xunit.CollectionDefinition(Name)]
    public sealed class RedisCollection : Xunit.ICollectionFixture<RedisFixture>
    {
        public const string Name = "redis";
    }
}
