using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// What the generator does for a package consumer, end to end through the .nupkg: typed send methods from
/// sms-templates.json, and JSMS diagnostics located in the templates file. Written against the generator's intended
/// behaviour (issue 3); they fail while src/JuheSms.Generators is still the placeholder, and pass once it lands:
/// <list type="bullet">
/// <item>extension method <c>Send{Name}Async(this IJuheSmsClient client, string mobile, &lt;variables&gt;, string? ext = null, CancellationToken ct = default)</c>
/// in the file's <c>"namespace"</c>, class <c>"className"</c>;</item>
/// <item>a <c>#placeholder#</c> of <c>"text"</c> missing from a given <c>"variables"</c> object: error JSMS005 in the file;</item>
/// <item>a file that is not valid JSON: error JSMS001 at the JSON error's line.</item>
/// </list>
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratorInPackageTests
{
    private readonly PackageFixture _fixture;

    public GeneratorInPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Typed_send_method_is_generated_from_sms_templates_json_and_sends_through_the_client()
    {
        var consumer = _fixture.CreateConsumer("generated");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", """
            {
              "namespace": "Consumer.Sms",
              "className": "ContosoSms",
              "signature": "【Contoso】",
              "templates": [
                {
                  "name": "VerificationCode",
                  "tplId": 123456,
                  "kind": "verification",
                  "text": "您的验证码是#code#，请勿泄露。",
                  "variables": {
                    "code": { "pattern": "^[0-9]{4,8}$", "maxLength": 8 }
                  }
                }
              ]
            }
            """);
        consumer.WriteFile("Program.cs", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Consumer.Sms;
            using JuheSms;

            var client = new RecordingClient();
            SmsSendResult result = await client.SendVerificationCodeAsync("13800138000", "4321", "12", CancellationToken.None);
            var sent = client.Sent!;
            Console.WriteLine($"class={typeof(ContosoSms).FullName}");
            Console.WriteLine($"sent={sent.TplId}|{sent.Mobile}|{sent.Variables["code"]}|{sent.Ext}|{sent.Kind}|{result.Sid}");

            sealed class RecordingClient : IJuheSmsClient
            {
                public SmsMessage? Sent { get; private set; }

                public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
                {
                    Sent = message;
                    return Task.FromResult(new SmsSendResult(1, 1, "sid-1"));
                }
            }
            """);

        var build = consumer.Build();
        Assert.True(build.Succeeded, build.ToString());

        var run = consumer.Run();
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("class=Consumer.Sms.ContosoSms", run.Output);
        Assert.Contains("sent=123456|13800138000|4321|12|Verification|sid-1", run.Output);
    }

    /// <summary>
    /// A .NET Framework 4.7.2 and netstandard2.0 library with the default language version (C# 7.3): the package's
    /// netstandard2.0 runtime and the generated code (then without nullable annotations) build warning-free.
    /// </summary>
    [Fact]
    public void Generated_code_builds_for_net472_and_netstandard2_0_in_their_default_CSharp_7_3()
    {
        var consumer = _fixture.CreateConsumer("netfx");
        consumer.WriteFile(ConsumerProject.ProjectName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net472;netstandard2.0</TargetFrameworks>
                <RootNamespace>{ConsumerProject.ProjectName}</RootNamespace>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{_fixture.Version}" />
              </ItemGroup>
            </Project>
            """);
        consumer.WriteFile("sms-templates.json", """
            {
              "namespace": "Consumer.Sms",
              "signature": "【Contoso】",
              "templates": [
                { "name": "VerificationCode", "tplId": 123456, "kind": "verification", "text": "您的验证码是#code#，#minutes#分钟内有效。",
                  "variables": { "code": { "pattern": "^[0-9]{4,8}$", "maxLength": 8 }, "minutes": { "type": "int", "maxLength": 2 } } }
              ]
            }
            """);
        consumer.WriteFile("Notifier.cs", """
            using System.Threading.Tasks;
            using Consumer.Sms;
            using JuheSms;

            namespace Consumer
            {
                /// <summary>Sends codes.</summary>
                public static class Notifier
                {
                    /// <summary>Sends a code.</summary>
                    public static Task<SmsSendResult> SendCodeAsync(IJuheSmsClient client, string mobile, string code, string ext = null)
                        => client.SendVerificationCodeAsync(mobile, code, 5, ext);

                    /// <summary>Renders a code.</summary>
                    public static string Render(string code) => SmsTemplates.VerificationCode.Render(code, 5).Text;
                }
            }
            """);

        var build = consumer.Build();

        Assert.True(build.Succeeded, build.ToString());
        foreach (var framework in new[] { "net472", "netstandard2.0" })
        {
            Assert.True(File.Exists(Path.Combine(consumer.Directory, "bin", "Debug", framework, ConsumerProject.ProjectName + ".dll")), "No " + framework + " build:\n" + build);
        }

        Assert.DoesNotMatch(new Regex(@"warning (CS|JSMS)\d+", RegexOptions.CultureInvariant), build.Output);
    }

    [Fact]
    public void Placeholder_missing_from_variables_is_error_JSMS005_at_the_templates_line()
    {
        // Line 5 holds the whole template, so wherever in it the generator points (text, variables, the object), it is line 5.
        var consumer = _fixture.CreateConsumer("jsms005");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", """
            {
              "namespace": "Consumer.Sms",
              "className": "ContosoSms",
              "templates": [
                { "name": "VerificationCode", "tplId": 123456, "kind": "verification", "text": "您的验证码是#code#，请勿泄露。", "variables": { "name": { "maxLength": 10 } } }
              ]
            }
            """);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine();\n");

        var build = consumer.Build();

        Assert.False(build.Succeeded, "The build should fail with JSMS005:\n" + build);
        AssertDiagnosticAt(build, "JSMS005", expectedLine: 5);
    }

    [Fact]
    public void Invalid_json_is_error_JSMS001_at_the_line_of_the_json_error()
    {
        // Line 5 lacks the comma after 123456.
        var consumer = _fixture.CreateConsumer("jsms001");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", """
            {
              "namespace": "Consumer.Sms",
              "className": "ContosoSms",
              "templates": [
                { "name": "VerificationCode", "tplId": 123456 "kind": "verification", "text": "您的验证码是#code#。" }
              ]
            }
            """);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine();\n");

        var build = consumer.Build();

        Assert.False(build.Succeeded, "The build should fail with JSMS001:\n" + build);
        AssertDiagnosticAt(build, "JSMS001", expectedLine: 5);
    }

    /// <summary>MSBuild prints a compiler diagnostic in a file as <c>path(line,col[,endLine,endCol]): error ID: message</c>.</summary>
    private static void AssertDiagnosticAt(CommandResult build, string id, int expectedLine)
    {
        var pattern = new Regex(
            @"sms-templates\.json\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\)\s*:\s*error\s+" + id + @"\s*:",
            RegexOptions.CultureInvariant);
        var matches = pattern.Matches(build.Output);
        Assert.True(matches.Count > 0, $"No `sms-templates.json(LINE,COL): error {id}:` in the build output:\n{build}");
        Assert.True(
            matches.Any(m => int.Parse(m.Groups["line"].Value) == expectedLine && int.Parse(m.Groups["column"].Value) >= 1),
            $"error {id} is not at line {expectedLine}:\n{string.Join("\n", matches.Select(m => m.Value))}\n\n{build}");
    }
}
