using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace JuheSms.Tests.Localization
{
    /// <summary>One .resx file of the repository, read as name → value.</summary>
    public sealed class ResxFile
    {
        /// <summary>
        /// The projects whose .resx files the consistency tests check, relative to the repository root. Every .resx under
        /// them is found by itself; a project that gains resources joins by a line here.
        /// </summary>
        public static readonly string[] CheckedProjects = { "src/JuheSms", "src/JuheSms.Redis", "src/JuheSms.Testing", "src/JuheSms.Sandbox", "src/JuheSms.Sandbox.Server" };

        /// <summary>The cultures every neutral .resx must have a twin for.</summary>
        public static readonly string[] RequiredCultures = { "zh-Hans" };

        private static readonly Regex Placeholder = new Regex(@"\{(\d+)(?:[,:][^}]*)?\}", RegexOptions.CultureInvariant);

        private ResxFile(string path, string? culture, IReadOnlyDictionary<string, string> values)
        {
            Path = path;
            Culture = culture;
            Values = values;
        }

        public string Path { get; }

        /// <summary>Null for the neutral (English) file; else the culture in its name (<c>Strings.zh-Hans.resx</c>).</summary>
        public string? Culture { get; }

        public IReadOnlyDictionary<string, string> Values { get; }

        public static string RepositoryRoot
        {
            get
            {
                for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(System.IO.Path.Combine(dir.FullName, "JuheSms.Generators.sln")))
                    {
                        return dir.FullName;
                    }
                }

                throw new InvalidOperationException("The repository root (JuheSms.Generators.sln) is not above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>The neutral .resx files of <see cref="CheckedProjects"/>, as paths relative to the repository root.</summary>
        public static IEnumerable<string> NeutralFiles()
        {
            string root = RepositoryRoot;
            return CheckedProjects
                .SelectMany(project => Directory.EnumerateFiles(System.IO.Path.Combine(root, project), "*.resx", SearchOption.AllDirectories))
                .Where(path => !path.Contains(System.IO.Path.DirectorySeparatorChar + "bin" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !path.Contains(System.IO.Path.DirectorySeparatorChar + "obj" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && CultureOf(path) is null)
                .Select(path => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/'))
                .OrderBy(path => path, StringComparer.Ordinal);
        }

        public static ResxFile Load(string relativePath)
        {
            string path = System.IO.Path.Combine(RepositoryRoot, relativePath);
            var values = XDocument.Load(path).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
            return new ResxFile(relativePath, CultureOf(path), values);
        }

        /// <summary>The translations beside a neutral file (<c>Name.{culture}.resx</c>).</summary>
        public IEnumerable<ResxFile> Twins()
        {
            string full = System.IO.Path.Combine(RepositoryRoot, Path);
            string stem = System.IO.Path.GetFileNameWithoutExtension(full);
            return Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(full)!, stem + ".*.resx")
                .Select(p => Load(System.IO.Path.GetRelativePath(RepositoryRoot, p)))
                .Where(twin => twin.Culture is not null && System.IO.Path.GetFileName(twin.Path) == stem + "." + twin.Culture + ".resx");
        }

        /// <summary>The placeholder indices of a value, as a sorted, distinct list (<c>{0}</c>, <c>{1:X4}</c> → 0, 1).</summary>
        public static IReadOnlyList<int> PlaceholdersOf(string value)
            => Placeholder.Matches(value).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().OrderBy(i => i).ToList();

        private static string? CultureOf(string path)
        {
            // Strings.zh-Hans.resx → zh-Hans; Strings.resx → null.
            string stem = System.IO.Path.GetFileNameWithoutExtension(path);
            int dot = stem.LastIndexOf('.');
            return dot < 0 ? null : stem.Substring(dot + 1);
        }
    }
}
