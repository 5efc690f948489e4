using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace JuheSms.Robustness.Tests.Infrastructure
{
    /// <summary>Metadata references for compiling generated code: the running framework plus JuheSms.</summary>
    internal static class References
    {
        private static readonly Lazy<MetadataReference[]> LazyAll = new Lazy<MetadataReference[]>(() =>
        {
            string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return trusted
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .Append(MetadataReference.CreateFromFile(typeof(SmsMessage).Assembly.Location))
                .ToArray();
        });

        public static MetadataReference[] All => LazyAll.Value;
    }
}
