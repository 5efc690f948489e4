using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using JuheSms.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// The parsed templates files for the analyzers. In the IDE a new compilation starts on every keystroke in any .cs
    /// file; the templates file rarely changes, so each content is parsed once (with the generator's
    /// <see cref="TemplatesParser"/>) and kept in a static cache keyed by path and content checksum: typing in a .cs file
    /// never re-parses the JSON. Which AdditionalFiles are templates files is <see cref="TemplatesFileOptions"/>'s rule,
    /// the generator's too.
    /// </summary>
    internal static class TemplatesFileCache
    {
        // Bounded: an IDE session edits the file many times; old contents are never asked for again.
        private const int MaxEntries = 64;

        private static readonly ConcurrentDictionary<string, Entry> s_files = new ConcurrentDictionary<string, Entry>();

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

        /// <summary>The templates of the file, from the cache when the same content was parsed before.</summary>
        public static FileTemplates Get(string path, string? rootNamespace, SourceText text, CancellationToken cancellationToken)
            => GetEntry(path, text, cancellationToken).Templates(rootNamespace);

        /// <summary>The parser's result for the file (model and diagnostics), parsed once per content.</summary>
        public static TemplatesParseResult Parse(string path, SourceText text, CancellationToken cancellationToken)
            => GetEntry(path, text, cancellationToken).Result;

        private static Entry GetEntry(string path, SourceText text, CancellationToken cancellationToken)
        {
            string key = Key(path, text);
            if (s_files.TryGetValue(key, out Entry? cached))
            {
                return cached;
            }

            var parsed = new Entry(TemplatesParser.Parse(path, text.ToString(), cancellationToken));
            if (s_files.Count >= MaxEntries)
            {
                s_files.Clear();
            }

            // Two analyzers asking at once may both parse; the first entry stored is the one every later call gets.
            return s_files.GetOrAdd(key, parsed);
        }

        private static string Key(string path, SourceText text)
        {
            ImmutableArray<byte> checksum = text.GetChecksum();
            var key = new StringBuilder(path.Length + 64);
            key.Append(path).Append('\0');
            foreach (byte b in checksum)
            {
                key.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return key.ToString();
        }

        /// <summary>One parsed content, and its templates per root namespace (a project has one: one entry, in practice).</summary>
        private sealed class Entry
        {
            private readonly ConcurrentDictionary<string, FileTemplates> _byRootNamespace = new ConcurrentDictionary<string, FileTemplates>();

            public Entry(TemplatesParseResult result)
            {
                Result = result;
            }

            public TemplatesParseResult Result { get; }

            public FileTemplates Templates(string? rootNamespace)
                => _byRootNamespace.GetOrAdd(rootNamespace ?? string.Empty, ns => FileTemplates.Create(Result.File, ns));
        }
    }
}
