using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Resources;
using System.Text.RegularExpressions;
using JuheSms.Internal;
using Xunit;

namespace JuheSms.Tests.Localization
{
    /// <summary>
    /// Every .resx of the runtime projects (<see cref="ResxFile.CheckedProjects"/>) has a twin per required culture with
    /// exactly the same names, and each translation has the same <c>{0}</c>... placeholders as the English text.
    /// </summary>
    public class ResourceConsistencyTests
    {
        public static IEnumerable<object[]> NeutralFiles() => ResxFile.NeutralFiles().Select(path => new object[] { path });

        [Fact]
        public void The_runtime_projects_have_resources_to_check()
        {
            List<string> files = ResxFile.NeutralFiles().ToList();

            Assert.Contains("src/JuheSms/Resources/Strings.resx", files);
            Assert.Contains("src/JuheSms.Redis/Resources/RedisStrings.resx", files);
            Assert.Contains("src/JuheSms.Sandbox/Resources/Texts.resx", files);
            Assert.Contains("src/JuheSms.Sandbox.Server/Resources/ServerTexts.resx", files);
        }

        [Theory]
        [MemberData(nameof(NeutralFiles))]
        public void Each_required_culture_has_a_twin(string path)
        {
            ResxFile neutral = ResxFile.Load(path);
            var cultures = neutral.Twins().Select(t => t.Culture).ToList();

            foreach (string required in ResxFile.RequiredCultures)
            {
                Assert.Contains(required, cultures);
            }
        }

        [Theory]
        [MemberData(nameof(NeutralFiles))]
        public void Every_name_exists_in_every_language_with_the_same_placeholders(string path)
        {
            ResxFile neutral = ResxFile.Load(path);
            Assert.NotEmpty(neutral.Values);
            foreach (ResxFile twin in neutral.Twins())
            {
                Assert.Equal(neutral.Values.Keys.OrderBy(k => k), twin.Values.Keys.OrderBy(k => k));
                foreach (KeyValuePair<string, string> english in neutral.Values)
                {
                    string translated = twin.Values[english.Key];
                    Assert.False(string.IsNullOrWhiteSpace(english.Value), path + ": " + english.Key + " is empty");
                    Assert.False(string.IsNullOrWhiteSpace(translated), twin.Path + ": " + english.Key + " is empty");
                    Assert.True(
                        ResxFile.PlaceholdersOf(english.Value).SequenceEqual(ResxFile.PlaceholdersOf(translated)),
                        $"{twin.Path}: {english.Key} has placeholders {{{string.Join(",", ResxFile.PlaceholdersOf(translated))}}}, the English text {{{string.Join(",", ResxFile.PlaceholdersOf(english.Value))}}}");
                    Assert.True(english.Value != translated, $"{twin.Path}: {english.Key} is the English text, not a translation");
                }
            }
        }

        [Fact]
        public void The_placeholder_reader_sees_indices_and_formats()
        {
            Assert.Equal(new[] { 0, 1, 2 }, ResxFile.PlaceholdersOf("{2} a {0:X4} b {1,5} {0}"));
            Assert.Empty(ResxFile.PlaceholdersOf("none here"));
        }

        [Fact]
        public void The_built_assembly_carries_the_same_names_in_both_languages()
        {
            // The manifest name the accessor uses must be the one the build gave the resources, neutral and satellite.
            ResxFile neutral = ResxFile.Load("src/JuheSms/Resources/Strings.resx");
            AssertBuilt(Strings.Manager, neutral);
        }

        [Fact]
        public void Every_resource_name_the_code_asks_for_exists()
        {
            // The accessors name their resource with nameof(...); a few names are chosen at run time (the response problems,
            // the limit descriptions, the characters) and appear as string literals. Both kinds must be in Strings.resx, or
            // the message would come out as its bare name.
            ResxFile neutral = ResxFile.Load("src/JuheSms/Resources/Strings.resx");
            string source = Path.Combine(ResxFile.RepositoryRoot, "src", "JuheSms");
            var asked = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            {
                string text = File.ReadAllText(file);
                if (Path.GetFileName(file) == "Strings.cs")
                {
                    foreach (Match m in Regex.Matches(text, @"nameof\((\w+)\)"))
                    {
                        asked.Add(m.Groups[1].Value);
                    }
                }

                foreach (Match m in Regex.Matches(text, "\"((?:Problem|LimitPer|Char|Error(?!Code\"))[A-Z]\\w*)\""))
                {
                    asked.Add(m.Groups[1].Value);
                }
            }

            Assert.Contains("ProblemTrailingContent", asked);
            Assert.Contains("LimitPerMilliseconds", asked);
            Assert.All(asked, name => Assert.True(neutral.Values.ContainsKey(name), name + " is asked for but not in Strings.resx"));
        }

        internal static void AssertBuilt(ResourceManager manager, ResxFile neutral)
        {
            ResourceSet english = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
            ResourceSet chinese = manager.GetResourceSet(CultureInfo.GetCultureInfo("zh-Hans"), createIfNotExists: true, tryParents: false)!;
            Assert.NotNull(english);
            Assert.NotNull(chinese);
            foreach (KeyValuePair<string, string> entry in neutral.Values)
            {
                Assert.Equal(entry.Value, english.GetString(entry.Key));
                Assert.False(string.IsNullOrEmpty(chinese.GetString(entry.Key)), entry.Key + " is missing from the zh-Hans satellite assembly");
            }
        }
    }
}
