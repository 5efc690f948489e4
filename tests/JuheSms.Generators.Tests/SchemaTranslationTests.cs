using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using JuheSms.Generators.Tests.Infrastructure;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// templates.schema.zh-CN.json is templates.schema.json with Chinese annotations (editors show them while the user
    /// types, issue 10): the same rules, so that a file valid under one is valid under the other, and every annotation
    /// translated.
    /// </summary>
    public class SchemaTranslationTests
    {
        // The keywords that only annotate (shown by editors); everything else is a rule and must match exactly.
        private static readonly string[] AnnotationKeywords = { "title", "description", "markdownDescription" };

        private static readonly JsonDocument English = Load("templates.schema.json");
        private static readonly JsonDocument Chinese = Load("templates.schema.zh-CN.json");

        [Fact]
        public void Each_schema_has_its_own_id()
        {
            // Two documents must not claim one $id: validators that register schemas by $id reject the second.
            Assert.Equal("templates.schema.json", English.RootElement.GetProperty("$id").GetString());
            Assert.Equal("templates.schema.zh-CN.json", Chinese.RootElement.GetProperty("$id").GetString());
        }

        [Fact]
        public void The_schemas_are_identical_once_the_annotation_strings_are_removed()
        {
            var differences = new List<string>();
            CompareRules(English.RootElement, Chinese.RootElement, "$", differences);
            Assert.True(differences.Count == 0, "templates.schema.zh-CN.json differs from templates.schema.json:\n" + string.Join("\n", differences));
        }

        [Fact]
        public void Every_annotation_is_translated_into_Chinese()
        {
            Dictionary<string, string> english = Annotations(English.RootElement);
            Dictionary<string, string> chinese = Annotations(Chinese.RootElement);
            Assert.NotEmpty(english);
            Assert.Equal(english.Keys.OrderBy(k => k, StringComparer.Ordinal), chinese.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (KeyValuePair<string, string> annotation in chinese)
            {
                Assert.True(annotation.Value.Any(IsCjk), annotation.Key + " holds no Chinese: " + annotation.Value);
                // The English text of "kind" already quotes 拒收请回复R, so CJK alone would not catch a copied line.
                Assert.NotEqual(english[annotation.Key], annotation.Value);
            }
        }

        private static void CompareRules(JsonElement english, JsonElement chinese, string path, List<string> differences)
        {
            if (english.ValueKind != chinese.ValueKind)
            {
                differences.Add(path + ": " + english.ValueKind + " in English, " + chinese.ValueKind + " in Chinese");
                return;
            }

            switch (english.ValueKind)
            {
                case JsonValueKind.Object:
                    string[] englishNames = RuleNames(english, path);
                    string[] chineseNames = RuleNames(chinese, path);
                    if (!englishNames.SequenceEqual(chineseNames, StringComparer.Ordinal))
                    {
                        differences.Add(path + ": properties [" + string.Join(", ", englishNames) + "] in English, [" + string.Join(", ", chineseNames) + "] in Chinese");
                        return;
                    }

                    foreach (string name in englishNames)
                    {
                        CompareRules(english.GetProperty(name), chinese.GetProperty(name), path + "." + name, differences);
                    }

                    break;
                case JsonValueKind.Array:
                    JsonElement[] englishItems = english.EnumerateArray().ToArray();
                    JsonElement[] chineseItems = chinese.EnumerateArray().ToArray();
                    if (englishItems.Length != chineseItems.Length)
                    {
                        differences.Add(path + ": " + englishItems.Length + " items in English, " + chineseItems.Length + " in Chinese");
                        return;
                    }

                    for (int i = 0; i < englishItems.Length; i++)
                    {
                        CompareRules(englishItems[i], chineseItems[i], path + "[" + i + "]", differences);
                    }

                    break;
                default:
                    if (english.GetRawText() != chinese.GetRawText())
                    {
                        differences.Add(path + ": " + english.GetRawText() + " in English, " + chinese.GetRawText() + " in Chinese");
                    }

                    break;
            }
        }

        // Property names in document order, less annotation strings (a property *named* "description", such as the
        // variable's own description, has an object value and stays) and the root $id (checked on its own above).
        private static string[] RuleNames(JsonElement schemaObject, string path) => schemaObject.EnumerateObject()
            .Where(p => !(IsAnnotation(p) || (path == "$" && p.Name == "$id")))
            .Select(p => p.Name)
            .ToArray();

        private static bool IsAnnotation(JsonProperty property)
            => property.Value.ValueKind == JsonValueKind.String && AnnotationKeywords.Contains(property.Name, StringComparer.Ordinal);

        private static Dictionary<string, string> Annotations(JsonElement root)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            Collect(root, "$");
            return found;

            void Collect(JsonElement element, string path)
            {
                if (element.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        if (IsAnnotation(property))
                        {
                            found.Add(path + "." + property.Name, property.Value.GetString()!);
                        }
                        else
                        {
                            Collect(property.Value, path + "." + property.Name);
                        }
                    }
                }
                else if (element.ValueKind == JsonValueKind.Array)
                {
                    int i = 0;
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        Collect(item, path + "[" + i++ + "]");
                    }
                }
            }
        }

        // CJK Unified Ideographs and Extension A: enough to tell a Chinese sentence from an English one.
        private static bool IsCjk(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF');

        private static JsonDocument Load(string fileName)
            => JsonDocument.Parse(File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), fileName)));
    }
}
