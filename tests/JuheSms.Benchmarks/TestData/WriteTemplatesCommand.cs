using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace JuheSms.Benchmarks.TestData
{
    /// <summary>
    /// <c>--write-templates COUNT PATH [NAMESPACE]</c>: writes a test-data templates file and exits (used by
    /// tests/build-cost/run.sh, so the build-cost consumer and the benchmarks share one generator of test data).
    /// </summary>
    internal static class WriteTemplatesCommand
    {
        public static bool TryRun(string[] args, out int exitCode)
        {
            exitCode = 0;
            if (args.Length == 0 || !string.Equals(args[0], "--write-templates", StringComparison.Ordinal))
            {
                return false;
            }

            if (args.Length < 3 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                Console.Error.WriteLine("usage: --write-templates COUNT PATH [NAMESPACE]");
                exitCode = 2;
                return true;
            }

            string ns = args.Length > 3 ? args[3] : "Bench.Sms";
            File.WriteAllText(args[2], TemplatesFileWriter.Write(count, ns: ns), new UTF8Encoding(false));
            Console.WriteLine("wrote " + count + " templates to " + args[2]);
            return true;
        }
    }
}
