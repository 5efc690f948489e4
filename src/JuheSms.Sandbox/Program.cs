using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Sandbox
{
    /// <summary>The entry point of <c>juhesms-sandbox</c>.</summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            return await SandboxCommand.RunAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), stop.Token).ConfigureAwait(false);
        }
    }
}
