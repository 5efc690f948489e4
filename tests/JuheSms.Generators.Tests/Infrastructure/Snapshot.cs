using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Xunit;

namespace JuheSms.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Expected generated sources kept in Snapshots/{name}/{hint name} in the source tree, compared exactly.
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

        /// <summary>
        /// Compares the generated sources with the folder Snapshots/{name}: one file per source, named by its hint name,
        /// and no other file.
        /// </summary>
        public static void Match(string name, IEnumerable<GeneratedSourceResult> sources)
        {
            string folder = Path.Combine(Directory(), name);
            var actual = sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
            bool update = string.Equals(Environment.GetEnvironmentVariable("JUHESMS_UPDATE_SNAPSHOTS"), "1", StringComparison.Ordinal);
            if (update)
            {
                System.IO.Directory.CreateDirectory(folder);
                foreach (string stale in System.IO.Directory.GetFiles(folder, "*.g.cs"))
                {
                    File.Delete(stale);
                }

                foreach (KeyValuePair<string, string> source in actual)
                {
                    File.WriteAllText(Path.Combine(folder, source.Key), source.Value);
                }

                return;
            }

            IReadOnlyList<(string HintName, string Text)> expected = Read(name);
            Assert.True(expected.Count > 0, "Missing snapshot " + folder + "; run the tests once with JUHESMS_UPDATE_SNAPSHOTS=1 and review it.");
            Assert.Equal(expected.Select(e => e.HintName), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach ((string hintName, string text) in expected)
            {
                Assert.Equal(text, actual[hintName]);
            }
        }

        /// <summary>The snapshot's sources (hint name, text with "\n" line ends), ordered by hint name.</summary>
        public static IReadOnlyList<(string HintName, string Text)> Read(string name)
        {
            string folder = Path.Combine(Directory(), name);
            if (!System.IO.Directory.Exists(folder))
            {
                return Array.Empty<(string, string)>();
            }

            return System.IO.Directory.GetFiles(folder, "*.g.cs")
                .Select(path => (Path.GetFileName(path), File.ReadAllText(path).Replace("\r\n", "\n")))
                .OrderBy(s => s.Item1, StringComparer.Ordinal)
                .ToList();
        }
    }
}
