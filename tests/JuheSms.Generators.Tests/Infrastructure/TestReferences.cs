using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Tests.Infrastructure
{
    /// <summary>
    /// References that resolve offline: the running runtime's assemblies (TRUSTED_PLATFORM_ASSEMBLIES) plus JuheSms.dll.
    /// (ReferenceAssemblies.Net.Net100 is not served here; see /work/shared/notes/toolchain.md.)
    /// </summary>
    internal static class TestReferences
    {
        public static readonly ImmutableArray<MetadataReference> All = Load();

        private static ImmutableArray<MetadataReference> Load()
        {
            string tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            var runtime = tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path =>
                {
                    string name = Path.GetFileName(path);
                    return name.StartsWith("System.", StringComparison.Ordinal) || name == "System.dll" || name == "mscorlib.dll" || name == "netstandard.dll";
                })
                .OrderBy(path => path, StringComparer.Ordinal);

            return runtime
                .Append(typeof(JuheSms.IJuheSmsClient).Assembly.Location)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
