using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Resources;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>
    /// The tool's and the server's words come from their .resx files in English and zh-Hans, chosen by
    /// <see cref="CultureInfo.CurrentUICulture"/>: the zh-Hans satellite assemblies are built, every name the code asks
    /// for exists, and the command speaks Chinese under zh-Hans.
    /// </summary>
    public sealed class LocalizedTextsTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "juhesms-sandbox-l10n-" + Guid.NewGuid().ToString("N"));

        public LocalizedTextsTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        public static IEnumerable<object[]> Resources() => new[]
        {
            new object[] { "src/JuheSms.Sandbox/Resources/Texts.resx", "src/JuheSms.Sandbox/Texts.cs" },
            new object[] { "src/JuheSms.Sandbox.Server/Resources/ServerTexts.resx", "src/JuheSms.Sandbox.Server/ServerTexts.cs" },
        };

        [Fact]
        public async Task A_missing_file_is_reported_in_Chinese_under_zh_Hans()
        {
            (int exitCode, _, string error) = await RunAsync("zh-Hans", "--templates", "nowhere.json");

            Assert.Equal(2, exitCode);
            Assert.Equal("juhesms-sandbox: 找不到模板文件“nowhere.json”。", error.Trim());
        }

        [Fact]
        public async Task Help_and_a_bad_option_are_in_Chinese_under_zh_Hans()
        {
            (int helpExit, string help, _) = await RunAsync("zh-Hans", "--help");
            (int badExit, _, string bad) = await RunAsync("zh-Hans", "--frobnicate");

            Assert.Equal(0, helpExit);
            Assert.Contains("用法：juhesms-sandbox [--templates FILE]...", help);
            Assert.Contains("默认：" + JuheSmsSandboxServerOptions.DefaultToolUrls, help);
            Assert.Equal(2, badExit);
            Assert.Contains("未知选项“--frobnicate”。", bad);
            Assert.Contains("运行 juhesms-sandbox --help 查看选项。", bad);
        }

        [Fact]
        public async Task The_same_command_speaks_English_under_the_invariant_culture()
        {
            (int exitCode, _, string error) = await RunAsync(string.Empty, "--templates", "nowhere.json");

            Assert.Equal(2, exitCode);
            Assert.Equal("juhesms-sandbox: templates file 'nowhere.json' not found.", error.Trim());
        }

        [Fact]
        public void The_server_library_throws_in_Chinese_under_zh_Hans()
        {
            CultureInfo previous = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
                var ex = Assert.Throws<ArgumentException>(() => new JuheSmsSandboxServer(new JuheSmsSandboxServerOptions { MaxMessages = 0 }));
                Assert.StartsWith("MaxMessages 必须不小于 1；收到的是 0。", ex.Message);
                Assert.Equal("options", ex.ParamName);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }

        [Theory]
        [MemberData(nameof(Resources))]
        public void The_built_assemblies_carry_every_name_in_both_languages(string resx, string accessors)
        {
            _ = accessors;
            ResourceManager manager = resx.EndsWith("ServerTexts.resx", StringComparison.Ordinal) ? ServerTexts.Manager : Texts.Manager;
            IReadOnlyDictionary<string, string> neutral = Load(resx);
            IReadOnlyDictionary<string, string> chinese = Load(resx.Replace(".resx", ".zh-Hans.resx", StringComparison.Ordinal));
            ResourceSet english = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
            ResourceSet zh = manager.GetResourceSet(CultureInfo.GetCultureInfo("zh-Hans"), createIfNotExists: true, tryParents: false)!;

            Assert.NotNull(english);
            Assert.NotNull(zh);
            Assert.NotEmpty(neutral);
            foreach (KeyValuePair<string, string> entry in neutral)
            {
                Assert.Equal(entry.Value, english.GetString(entry.Key));
                Assert.Equal(chinese[entry.Key], zh.GetString(entry.Key));
            }
        }

        [Theory]
        [MemberData(nameof(Resources))]
        public void Every_name_the_code_asks_for_exists(string resx, string accessors)
        {
            // The accessors name their resource with nameof(...), or with a literal for a variant (LoadedOne, NoMessageFor).
            IReadOnlyDictionary<string, string> neutral = Load(resx);
            string code = File.ReadAllText(Path.Combine(RepoRoot, accessors));
            var asked = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Match m in Regex.Matches(code, @"(?:Get|Format)\(\s*(?:nameof\((\w+)\)|""(\w+)"")"))
            {
                asked.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
            }

            Assert.True(asked.Count >= 10, "too few names found in " + accessors + ": " + string.Join(", ", asked));
            Assert.All(asked, name => Assert.True(neutral.ContainsKey(name), name + " is asked for but not in " + resx));
            Assert.All(neutral.Keys, name => Assert.True(asked.Contains(name), name + " is in " + resx + " but nothing asks for it"));
        }

        private async Task<(int ExitCode, string Output, string Error)> RunAsync(string culture, params string[] args)
        {
            CultureInfo.CurrentUICulture = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
            using var output = new StringWriter();
            using var error = new StringWriter();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            int exitCode = await SandboxCommand.RunAsync(args, output, error, _folder, timeout.Token, _ => timeout.Cancel());
            return (exitCode, output.ToString(), error.ToString());
        }

        private static IReadOnlyDictionary<string, string> Load(string relativePath)
            => XDocument.Load(Path.Combine(RepoRoot, relativePath)).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

        private static string RepoRoot
        {
            get
            {
                for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "JuheSms.Generators.sln")))
                    {
                        return dir.FullName;
                    }
                }

                throw new InvalidOperationException("JuheSms.Generators.sln not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
