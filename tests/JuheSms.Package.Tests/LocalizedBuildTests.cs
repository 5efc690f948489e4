using System.Collections.Generic;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// Issue 10's "done when", through the .nupkg in a fresh project outside the repo: <c>dotnet build</c> under
/// <c>DOTNET_CLI_UI_LANGUAGE=zh-Hans</c> (what a Chinese Visual Studio sets) prints the JSMS messages in Chinese, from
/// the satellite assemblies packed beside the analyzers, and under <c>en</c> in English.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LocalizedBuildTests
{
    // Templates-file errors (JSMS002; JSMS007, whose argument "whitespace" is a word of ours, translated too) and
    // call-site diagnostics (JSMS103, a warning; JSMS107).
    private const string Templates = """
        {
          "namespace": "Consumer.Sms",
          "templates": [
            { "name": "Notice", "tplId": 123457, "text": "#name#您好，您的包裹已到。" },
            { "name": "NoId", "text": "x" },
            { "name": "Spaced", "tplId": 123458, "text": "#a b#" }
          ]
        }
        """;

    private const string Calls = """
        using System.Threading.Tasks;
        using Consumer.Sms;
        using JuheSms;

        public static class Calls
        {
            public static async Task RunAsync(IJuheSmsClient client)
            {
                await client.SendNoticeAsync("12345", "张三");
                await client.SendNoticeAsync("13800138000", "张三", ext: "12a");
            }
        }
        """;

    private static readonly (string English, string Chinese)[] Messages =
    {
        ("Template 'NoId' lacks \"tplId\"", "模板“NoId”缺少 \"tplId\""),
        ("The placeholder '#a b#' of template 'Spaced' holds whitespace", "模板“Spaced”的占位符“#a b#”含有空白字符"),
        ("'12345' is not a mainland China mobile number", "“12345”不是中国大陆手机号"),
        ("The ext '12a' is not 1 to 9 digits", "扩展码“12a”不是 1 到 9 位数字"),
    };

    private readonly PackageFixture _fixture;

    public LocalizedBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public void Dotnet_build_prints_the_JSMS_messages_in_the_CLI_language(string language)
    {
        var consumer = _fixture.CreateConsumer("localized-" + language);
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", Templates);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine();\n");
        consumer.WriteFile("Calls.cs", Calls);
        var restore = consumer.Restore();
        Assert.True(restore.Succeeded, restore.ToString());

        var build = DotnetCli.Run(
            consumer.Directory,
            new[] { "build", consumer.ProjectPath, "-c", "Debug", "--no-restore", "-nodeReuse:false" },
            new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = _fixture.PackagesDirectory,
                ["DOTNET_CLI_UI_LANGUAGE"] = language,
            });

        Assert.False(build.Succeeded, "JSMS002 and JSMS107 are errors: the build must fail.\n" + build);
        foreach (var (english, chinese) in Messages)
        {
            var (expected, unexpected) = language == "en" ? (english, chinese) : (chinese, english);
            Assert.True(build.Output.Contains(expected, System.StringComparison.Ordinal), $"`{expected}` missing from the {language} build:\n{build}");
            Assert.False(build.Output.Contains(unexpected, System.StringComparison.Ordinal), $"`{unexpected}` in the {language} build:\n{build}");
        }
    }
}
