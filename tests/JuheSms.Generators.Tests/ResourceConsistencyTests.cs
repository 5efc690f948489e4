using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using JuheSms.Generators.Tests.Infrastructure;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// Every .resx under src/ and its translations (issue 10, item 5): a <c>Name.{culture}.resx</c> beside
    /// <c>Name.resx</c> has exactly its keys, each with the same <c>{0}</c>, <c>{1}</c>... placeholders, every text
    /// that has placeholders is a valid format string in both languages, and every .resx has a zh-Hans twin. Found by walking src/, so a resource file added
    /// anywhere is covered without touching this test.
    /// </summary>
    public class ResourceConsistencyTests
    {
        // A culture suffix as .NET names satellite folders: zh-Hans, zh-CN, en, pt-BR.
        private static readonly Regex CultureSuffix = new(@"^(?<base>.+)\.(?<culture>[a-z]{2,3}(-[A-Za-z]{2,4})*)$");

        // {0}, {1,5}, {2:D} — after the escaped braces {{ and }} are taken out.
        private static readonly Regex Placeholder = new(@"\{(?<index>\d+)(,-?\d+)?(:[^}]*)?\}");

        public static TheoryData<string> Translations()
        {
            var data = new TheoryData<string>();
            foreach (string path in ResourceFiles().Where(p => Culture(p) is not null))
            {
                data.Add(Relative(path));
            }

            return data;
        }

        [Fact]
        public void The_analyzer_resources_have_their_Chinese_twins()
        {
            string[] files = ResourceFiles().Select(Relative).ToArray();
            foreach (string neutral in new[] { "src/JuheSms.Generators/Diagnostics/DiagnosticMessages.resx", "src/JuheSms.Generators.CodeFixes/CodeFixTitles.resx" })
            {
                Assert.Contains(neutral, files);
                Assert.Contains(neutral.Replace(".resx", ".zh-Hans.resx"), files);
            }
        }

        [Fact]
        public void Every_resx_under_src_has_a_Chinese_twin()
        {
            // English is the default and Chinese (zh-Hans) follows the UI culture, for every message we show.
            foreach (string path in ResourceFiles().Where(p => Culture(p) is null))
            {
                string twin = Path.ChangeExtension(path, ".zh-Hans.resx");
                Assert.True(File.Exists(twin), Relative(path) + " has no Chinese twin " + Relative(twin));
            }
        }

        [Fact]
        public void Every_resx_has_an_English_original_beside_its_translations()
        {
            foreach (string path in ResourceFiles().Where(p => Culture(p) is not null))
            {
                Assert.True(File.Exists(NeutralOf(path)), Relative(path) + " translates " + Relative(NeutralOf(path)) + ", which does not exist");
            }
        }

        [Theory]
        [MemberData(nameof(Translations))]
        public void A_translation_has_the_keys_and_placeholders_of_its_original(string translation)
        {
            string path = Path.Combine(Root, translation);
            Dictionary<string, string> original = Read(NeutralOf(path));
            Dictionary<string, string> translated = Read(path);

            Assert.Equal(original.Keys.OrderBy(k => k, StringComparer.Ordinal), translated.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach ((string key, string english) in original)
            {
                string text = translated[key];
                Assert.False(string.IsNullOrWhiteSpace(text), translation + ": " + key + " is empty");
                Assert.True(
                    Placeholders(english).SequenceEqual(Placeholders(text)),
                    $"{translation}: {key} has the placeholders [{string.Join(", ", Placeholders(text))}], the original [{string.Join(", ", Placeholders(english))}]");
                AssertFormats(translation, key, text);
                AssertFormats(Relative(NeutralOf(path)), key, english);
            }
        }

        [Fact]
        public void The_placeholder_check_sees_what_it_must()
        {
            // Guards the regex above: a test that compares empty sets would pass for anything.
            Assert.Equal(new[] { 0, 1, 2 }, Placeholders("'{1}' {0:D} {2,5} {{3}} {Name}"));
            Assert.Empty(Placeholders("{{ \"type\": \"int\" }}"));
        }

        private static void AssertFormats(string file, string key, string text)
        {
            int[] indexes = Placeholders(text);
            if (indexes.Length == 0)
            {
                // Texts without arguments are shown as they are (a description may hold {Name}); nothing to format.
                return;
            }

            object[] arguments = Enumerable.Range(0, indexes.Max() + 1).Select(i => (object)("a" + i)).ToArray();
            try
            {
                _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, text, arguments);
            }
            catch (FormatException e)
            {
                Assert.Fail($"{file}: {key} is not a valid format string ({e.Message}): {text}");
            }
        }

        private static int[] Placeholders(string text)
            => Placeholder.Matches(text.Replace("{{", string.Empty).Replace("}}", string.Empty))
                .Select(m => int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .OrderBy(i => i)
                .ToArray();

        private static Dictionary<string, string> Read(string path)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (XElement data in XDocument.Load(path).Root!.Elements("data"))
            {
                string name = (string)data.Attribute("name")!;
                Assert.True(values.TryAdd(name, (string?)data.Element("value") ?? string.Empty), Relative(path) + ": " + name + " appears twice");
            }

            return values;
        }

        private static readonly string Root = Snapshot.RepositoryRoot();

        private static IEnumerable<string> ResourceFiles()
            => Directory.GetFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
                .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(p => p, StringComparer.Ordinal);

        private static string? Culture(string path)
        {
            Match match = CultureSuffix.Match(Path.GetFileNameWithoutExtension(path));
            return match.Success ? match.Groups["culture"].Value : null;
        }

        private static string NeutralOf(string path)
        {
            string baseName = CultureSuffix.Match(Path.GetFileNameWithoutExtension(path)).Groups["base"].Value;
            return Path.Combine(Path.GetDirectoryName(path)!, baseName + ".resx");
        }

        private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
    }
}
