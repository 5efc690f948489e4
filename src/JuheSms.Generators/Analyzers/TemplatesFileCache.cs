using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// Reads the templates files of a compilation for the call-site analyzer. In the IDE a new compilation starts on
    /// every keystroke in any .cs file; the templates file rarely changes, so its parsed form is kept in a static cache
    /// keyed by path, root namespace and content checksum: typing in a .cs file never re-parses the JSON.
    /// Detection (which AdditionalFiles are templates files) and parsing are the generator's (TemplatesFileOptions,
    /// TemplatesParser, through <see cref="TemplatesFileAdapter"/>): one source of truth.
    /// </summary>
    internal static class TemplatesFileCache
    {
        // Bounded: an IDE session edits the file many times; old contents are never asked for again.
        private const int MaxEntries = 64;

        private static readonly ConcurrentDictionary<string, FileTemplates> s_files = new ConcurrentDictionary<string, FileTemplates>();

        /// <summary>The catalog of every templates file among the compilation's AdditionalFiles.</summary>
        public static TemplateCatalog LoadCatalog(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptionsProvider configs = options.AnalyzerConfigOptionsProvider;
            configs.GlobalOptions.TryGetValue(TemplatesFileOptions.RootNamespaceKey, out string? rootNamespace);

            var files = ImmutableArray.CreateBuilder<FileTemplates>();
            foreach (AdditionalText file in options.AdditionalFiles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!TemplatesFileOptions.IsTemplatesFile(file, configs))
                {
                    continue;
                }

                SourceText? text = file.GetText(cancellationToken);
                files.Add(text is null ? FileTemplates.Empty : Get(file.Path, rootNamespace, text, cancellationToken));
            }

            return new TemplateCatalog(files.ToImmutable());
        }

        /// <summary>The parsed file, from the cache when the same content was parsed before.</summary>
        public static FileTemplates Get(string path, string? rootNamespace, SourceText text, CancellationToken cancellationToken)
        {
            string key = Key(path, rootNamespace, text);
            if (s_files.TryGetValue(key, out FileTemplates? cached))
            {
                return cached;
            }

            FileTemplates parsed = TemplatesFileAdapter.Read(path, rootNamespace, text, cancellationToken);
            if (s_files.Count >= MaxEntries)
            {
                s_files.Clear();
            }

            s_files[key] = parsed;
            return parsed;
        }

        private static string Key(string path, string? rootNamespace, SourceText text)
        {
            ImmutableArray<byte> checksum = text.GetChecksum();
            var key = new StringBuilder(path.Length + 64);
            key.Append(path).Append('\0').Append(rootNamespace).Append('\0');
            foreach (byte b in checksum)
            {
                key.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return key.ToString();
        }
    }
}
