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
        private static readonly string Root = FindRepositoryRoot();

        /// <summary>tests/JuheSms.Generators.Tests/Snapshots in the source tree.</summary>
        public static string Directory() => Path.Combine(Root, "tests", "JuheSms.Generators.Tests", "Snapshots");

        /// <summary>The repository root (where templates.example.json is).</summary>
        public static string RepositoryRoot() => Root;

        /// <summary>
        /// From this file's compile-time path, or — when a CI build maps source paths (ContinuousIntegrationBuild, /_/) —
        /// by walking up from the test assembly's folder.
        /// </summary>
        private static string FindRepositoryRoot()
        {
            string fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(GetThisFile())!, "..", "..", ".."));
            if (IsRoot(fromSource))
            {
                return fromSource;
            }

            for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (IsRoot(dir))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root (templates.example.json) from " + AppContext.BaseDirectory);
        }

        private static bool IsRoot(string dir)
            => File.Exists(Path.Combine(dir, "templates.example.json"))
            && System.IO.Directory.Exists(Path.Combine(dir, "tests", "JuheSms.Generators.Tests"));

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
