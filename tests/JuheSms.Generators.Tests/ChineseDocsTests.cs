using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using JuheSms.Generators.Tests.Infrastructure;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// The Chinese docs (issue 10): README.zh-CN.md and a *.zh-CN.md twin beside every page under docs/, linked both
    /// ways, with the same commands and diagnostics as the English ones.
    /// </summary>
    public class ChineseDocsTests
    {
        private const string ChineseSuffix = ".zh-CN.md";

        private static readonly string Root = Snapshot.RepositoryRoot();

        private static readonly string[] QuickStartCommands =
        {
            "dotnet run --project samples/JuheSms.Sample -- 13800138000",
            "dotnet test JuheSms.Generators.sln -c Release",
        };

        // A row of the diagnostics table: "| [JSMS001](docs/diagnostics/JSMS001.md) | ..." (the link differs per language).
        private static readonly Regex DiagnosticRow = new(@"^\| \[(JSMS\d{3})\]\(([^)]+)\) \|", RegexOptions.Multiline);

        [Fact]
        public void Every_English_page_under_docs_has_a_Chinese_twin_and_they_link_to_each_other()
        {
            string[] englishPages = EnglishDocPages();
            Assert.Contains(englishPages, p => p.EndsWith(Path.Combine("diagnostics", "JSMS001.md"), StringComparison.Ordinal));
            foreach (string english in englishPages)
            {
                string chinese = ChineseTwin(english);
                Assert.True(File.Exists(chinese), "no Chinese twin for " + english + ": expected " + chinese);
                AssertLinksAtTop(english, Path.GetFileName(chinese));
                AssertLinksAtTop(chinese, Path.GetFileName(english));
            }
        }

        [Fact]
        public void Every_Chinese_page_has_an_English_original()
        {
            // A twin left behind after its English page was renamed or removed would go stale unnoticed.
            foreach (string chinese in Directory.GetFiles(Path.Combine(Root, "docs"), "*" + ChineseSuffix, SearchOption.AllDirectories))
            {
                string english = chinese.Substring(0, chinese.Length - ChineseSuffix.Length) + ".md";
                Assert.True(File.Exists(english), chinese + " has no English page " + english);
            }
        }

        [Fact]
        public void The_READMEs_link_to_each_other_at_the_top()
        {
            Assert.True(File.Exists(Path.Combine(Root, "README.zh-CN.md")), "README.zh-CN.md is missing");
            Assert.StartsWith("[中文](README.zh-CN.md)", Read("README.md"));
            Assert.StartsWith("[English](README.md)", Read("README.zh-CN.md"));
        }

        [Theory]
        [InlineData("README.md")]
        [InlineData("README.zh-CN.md")]
        public void Both_READMEs_give_the_same_quick_start_commands(string readme)
        {
            string text = Read(readme);
            foreach (string command in QuickStartCommands)
            {
                Assert.Contains("\n" + command + "\n", text.Replace("\r\n", "\n"));
            }
        }

        [Fact]
        public void The_Chinese_README_lists_every_diagnostic_of_the_English_one_linking_the_Chinese_pages()
        {
            string[] english = DiagnosticRow.Matches(Read("README.md")).Select(m => m.Groups[1].Value).ToArray();
            Match[] chineseRows = DiagnosticRow.Matches(Read("README.zh-CN.md")).ToArray();
            Assert.Contains("JSMS001", english);
            Assert.Equal(english, chineseRows.Select(m => m.Groups[1].Value));
            foreach (Match row in chineseRows)
            {
                Assert.Equal("docs/diagnostics/" + row.Groups[1].Value + ChineseSuffix, row.Groups[2].Value);
            }
        }

        [Fact]
        public void The_Chinese_README_points_its_example_at_the_Chinese_schema()
        {
            Assert.Contains("\"$schema\": \"./templates.schema.zh-CN.json\"", Read("README.zh-CN.md"));
        }

        [Fact]
        public void Chinese_pages_link_to_the_Chinese_twin_of_every_page_that_has_one()
        {
            string[] chinesePages = EnglishDocPages().Select(ChineseTwin).Append(Path.Combine(Root, "README.zh-CN.md")).ToArray();
            var link = new Regex(@"\]\(([^)#\s]+\.md)(#[^)]*)?\)");
            foreach (string page in chinesePages.Where(File.Exists))
            {
                foreach (Match match in link.Matches(File.ReadAllText(page)))
                {
                    string target = match.Groups[1].Value;
                    if (target.EndsWith(ChineseSuffix, StringComparison.Ordinal) || target.Contains("://", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                    bool isTheEnglishTwinLink = ChineseTwin(resolved) == page;
                    Assert.False(
                        !isTheEnglishTwinLink && File.Exists(ChineseTwin(resolved)),
                        page + " links to " + target + ", which has a Chinese twin: link that instead");
                }
            }
        }

        private static string[] EnglishDocPages() => Directory
            .GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(ChineseSuffix, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

        private static string ChineseTwin(string englishPage)
            => englishPage.Substring(0, englishPage.Length - ".md".Length) + ChineseSuffix;

        // The language link sits under the page's heading (a diagnostic page starts with "# JSMSxxx: title": see
        // ConsistencyTests), so "at the top" means within the first three lines.
        private static void AssertLinksAtTop(string page, string twinFileName)
        {
            string[] top = File.ReadLines(page).Take(3).ToArray();
            Assert.True(
                top.Any(line => line.Contains("](" + twinFileName + ")", StringComparison.Ordinal)),
                page + " does not link to " + twinFileName + " in its first three lines");
        }

        private static string Read(string fileName) => File.ReadAllText(Path.Combine(Root, fileName));
    }
}
