using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace JuheSms.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The references of every test compilation, found offline: the running runtime's own framework assemblies
    /// (TRUSTED_PLATFORM_ASSEMBLIES, filtered to the shared framework folder) plus JuheSms.dll. No package is downloaded
    /// at test time (ReferenceAssemblies.Net.* would fetch one from the feed).
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>An empty reference set: the real references come from <see cref="All"/>.</summary>
        public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

        public static ImmutableArray<MetadataReference> All { get; } = Load();

        private static ImmutableArray<MetadataReference> Load()
        {
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            var framework = trusted
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal)
                               || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));

            return framework
                .Append(MetadataReference.CreateFromFile(typeof(JuheSms.SmsMessage).Assembly.Location))
                .ToImmutableArray();
        }
    }
}
