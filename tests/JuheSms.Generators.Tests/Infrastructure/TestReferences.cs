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

        /// <summary>
        /// CS1701/CS1702 suppressed, as the .NET SDK does for every build (NoWarn 1701;1702): the runtime's net8.0 build
        /// refers to 8.0 assemblies, unified here with the running 10.0 ones.
        /// </summary>
        public static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSuppressions = ImmutableDictionary.CreateRange(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
            new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
        });

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
