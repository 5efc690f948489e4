using System;
using System.Globalization;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// <c>serve-loopback</c>: runs a <see cref="LoopbackServer"/> in this process, prints its port on the first line of
    /// stdout and serves until stdin closes (the parent's <see cref="LoopbackServerProcess"/> closes it or dies). The
    /// benchmarks start it as a child process so that the server's threads, CPU and allocations are not counted in, or
    /// mixed into, the measurements of the clients' process.
    /// </summary>
    internal static class ServeLoopbackCommand
    {
        public const string Name = "serve-loopback";

        public static bool TryRun(string[] args, out int exitCode)
        {
            exitCode = 0;
            if (args.Length == 0 || !string.Equals(args[0], Name, StringComparison.Ordinal))
            {
                return false;
            }

            using var server = new LoopbackServer();
            Console.Out.WriteLine(server.Port.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();

            // Serve until the parent closes our stdin (or exits, which closes it too): no orphan server.
            while (Console.In.ReadLine() is { } line)
            {
                if (string.Equals(line.Trim(), "count", StringComparison.Ordinal))
                {
                    Console.Out.WriteLine(server.Requests.ToString(CultureInfo.InvariantCulture));
                    Console.Out.Flush();
                }
            }

            return true;
        }
    }
}
