using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// Issue 4's "done when", through the .nupkg in a fresh project outside the repo: each call-site diagnostic
/// (JSMS101-107) fires at the right line and column in <c>dotnet build</c> output, clean code reports nothing, and
/// the packed code fix turns a raw send into a typed call that compiles.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CallSiteAnalyzerPackageTests
{
    private const string Templates = """
        {
          "namespace": "Consumer.Sms",
          "signature": "【Contoso】",
          "templates": [
            { "name": "VerificationCode", "tplId": 123456, "kind": "verification", "text": "您的验证码是#code#。",
              "variables": { "code": { "pattern": "^[0-9]{4,8}$" } } },
            { "name": "Notice", "tplId": 123457, "text": "#name#您好，您的包裹已到。" }
          ]
        }
        """;

    private readonly PackageFixture _fixture;

    public CallSiteAnalyzerPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Each_call_site_diagnostic_fires_at_its_argument_in_dotnet_build_output()
    {
        var consumer = _fixture.CreateConsumer("callsites");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", Templates);
        // JSMS106 is info by default, which `dotnet build` does not print: raising it here also shows that .editorconfig
        // changes the severity as usual.
        consumer.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.JSMS106.severity = warning\n");
        consumer.WriteFile("Program.cs", "System.Console.WriteLine();\n");
        string[] lines =
        {
            "using System.Collections.Generic;",
            "using System.Threading.Tasks;",
            "using Consumer.Sms;",
            "using JuheSms;",
            "",
            "public static class Calls",
            "{",
            "    public static async Task RunAsync(IJuheSmsClient client, string someone)",
            "    {",
            "        await client.SendNoticeAsync(\"13800138000\", \"张三\\n\");",
            "        await client.SendVerificationCodeAsync(\"13800138000\", \"12ab\");",
            "        await client.SendNoticeAsync(\"12345\", \"张三\");",
            "        await client.SendAsync(new SmsMessage(\"13800138000\", 123456, new Dictionary<string, string> { [\"other\"] = \"1\" }));",
            "        await client.SendAsync(new SmsMessage(\"13800138000\", 999999, new Dictionary<string, string> { [\"code\"] = \"1234\" }));",
            "        await client.SendAsync(new SmsMessage(\"13800138000\", 123456, new Dictionary<string, string> { [\"code\"] = \"1234\" }));",
            "        await client.SendNoticeAsync(\"13800138000\", \"张三\", ext: \"12a\");",
            "        await client.SendNoticeAsync(\"13800138000\", someone, ext: \"12\");",
            "        await client.SendVerificationCodeAsync(\"+86 138-0013-8000\", \"123456\");",
            "    }",
            "}",
        };
        consumer.WriteFile("Calls.cs", string.Join("\n", lines) + "\n");

        var build = consumer.Build();

        // Errors fail the build; the warnings are reported beside them.
        Assert.False(build.Succeeded, "The build should fail with the call-site errors:\n" + build);
        var expected = new (string Id, string Severity, int Line, string Anchor)[]
        {
            ("JSMS101", "error", 10, "\"张三\\n\""),
            ("JSMS102", "error", 11, "\"12ab\""),
            ("JSMS103", "warning", 12, "\"12345\""),
            ("JSMS104", "error", 13, "new Dictionary"),
            ("JSMS105", "warning", 13, "\"other\""),
            ("JSMS105", "warning", 14, "999999"),
            ("JSMS106", "warning", 15, "new SmsMessage"),
            ("JSMS107", "error", 16, "\"12a\""),
        };
        var reported = Regex.Matches(build.Output, @"Calls\.cs\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\)\s*:\s*(?<sev>error|warning)\s+(?<id>JSMS\d{3})\s*:")
            .Select(m => (Id: m.Groups["id"].Value, Severity: m.Groups["sev"].Value, Line: int.Parse(m.Groups["line"].Value), Column: int.Parse(m.Groups["col"].Value)))
            .Distinct()
            .ToList();
        foreach (var (id, severity, line, anchor) in expected)
        {
            int column = lines[line - 1].IndexOf(anchor, StringComparison.Ordinal) + 1;
            Assert.True(column > 0, $"anchor {anchor} not on line {line}");
            Assert.True(
                reported.Contains((id, severity, line, column)),
                $"No `Calls.cs({line},{column}): {severity} {id}` in the build output. Reported:\n{string.Join("\n", reported)}\n\n{build}");
        }

        // Non-constant values and good constants (lines 17 and 18) are clean: nothing beyond the expected rows.
        Assert.Equal(expected.Length, reported.Count);
        Assert.DoesNotContain("AD0001", build.Output);
    }

    [Fact]
    public void The_packed_code_fix_turns_a_raw_send_into_a_typed_call_that_compiles()
    {
        var consumer = _fixture.CreateConsumer("codefix");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", Templates);
        consumer.WriteFile("Program.cs", """
            using System.Collections.Generic;
            using JuheSms;

            IJuheSmsClient client = new Recording();
            await client.SendAsync(new SmsMessage("13800138000", 123456, new Dictionary<string, string> { ["code"] = "1234" }));
            System.Console.WriteLine("sent " + ((Recording)client).Last!.TplId + " " + ((Recording)client).Last!.Kind);

            sealed class Recording : IJuheSmsClient
            {
                public SmsMessage? Last { get; private set; }

                public System.Threading.Tasks.Task<SmsSendResult> SendAsync(SmsMessage message, System.Threading.CancellationToken cancellationToken = default)
                {
                    Last = message;
                    return System.Threading.Tasks.Task.FromResult(new SmsSendResult(1, 1, "s"));
                }
            }
            """);
        var restore = consumer.Restore();
        Assert.True(restore.Succeeded, restore.ToString());

        var format = consumer.ApplyCodeFixes("JSMS106", "info");
        Assert.True(format.Succeeded, format.ToString());

        string fixedSource = File.ReadAllText(consumer.PathOf("Program.cs"));
        Assert.Contains("client.SendVerificationCodeAsync(\"13800138000\", \"1234\")", fixedSource);
        Assert.DoesNotContain("new SmsMessage", fixedSource);

        var build = consumer.Build();
        Assert.True(build.Succeeded, build.ToString());
        var run = consumer.Run();
        Assert.True(run.Succeeded, run.ToString());
        // The typed method also carries the template's kind, which the raw send did not.
        Assert.Contains("sent 123456 Verification", run.Output);
    }
}
