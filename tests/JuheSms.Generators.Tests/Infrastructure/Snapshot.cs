using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace JuheSms.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Expected generated sources kept in Snapshots/{name}.g.cs in the source tree, compared exactly.
    /// Set JUHESMS_UPDATE_SNAPSHOTS=1 to rewrite them on purpose (then review the diff and commit it).
    /// </summary>
    internal static class Snapshot
    {
        private static readonly string ThisFile = GetThisFile();

        /// <summary>tests/JuheSms.Generators.Tests/Snapshots in the source tree.</summary>
        public static string Directory() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile)!, "..", "Snapshots"));

        /// <summary>The repository root (where templates.example.json is).</summary>
        public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile)!, "..", "..", ".."));

        private static string GetThisFile([CallerFilePath] string path = "") => path;

        public static void Match(string name, string actual)
        {
            string path = Path.Combine(Directory(), name + ".g.cs");
            bool update = string.Equals(Environment.GetEnvironmentVariable("JUHESMS_UPDATE_SNAPSHOTS"), "1", StringComparison.Ordinal);
            if (update)
            {
                File.WriteAllText(path, actual);
                return;
            }

            Assert.True(File.Exists(path), "Missing snapshot " + path + "; run the tests once with JUHESMS_UPDATE_SNAPSHOTS=1 and review it.");
            string expected = File.ReadAllText(path).Replace("\r\n", "\n");
            Assert.Equal(expected, actual);
        }
    }
}
