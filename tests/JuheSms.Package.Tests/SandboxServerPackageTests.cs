using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// The library package JuheSms.Sandbox.Server: a fresh consumer that references it and JuheSms.Generators from the local
/// folder feed starts the server in-process on a free port, points the client at its address, makes a typed (generated)
/// send and reads it back through <c>GET /api/messages/latest</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SandboxServerPackageTests
{
    private readonly PackageFixture _fixture;

    public SandboxServerPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_consumer_starts_the_server_in_process_and_reads_its_typed_send_back()
    {
        Assert.True(File.Exists(_fixture.SandboxServerPackagePath));
        var consumer = _fixture.CreateConsumer("sandbox-server");
        consumer.WriteProject($"""    <PackageReference Include="JuheSms.Sandbox.Server" Version="{_fixture.Version}" />""");
        consumer.WriteFile("sms-templates.json", """
            {
              "namespace": "Consumer.Sms",
              "signature": "【Contoso】",
              "templates": [
                { "name": "VerificationCode", "tplId": 100001, "kind": "verification", "text": "您的验证码是#code#，#minutes#分钟内有效。",
                  "variables": { "code": { "pattern": "^[0-9]{6}$" }, "minutes": { "type": "int" } } }
              ]
            }
            """);
        consumer.WriteFile("Program.cs", """
            using System;
            using System.Net.Http;
            using Consumer.Sms;
            using JuheSms;
            using JuheSms.Sandbox;
            using JuheSms.Testing;

            // What a test does: the server on a free port of this process, the templates of the generated code.
            await using var server = new JuheSmsSandboxServer().RegisterTemplate(
                SmsTemplates.VerificationCode.TplId,
                SmsTemplates.VerificationCode.Signature + SmsTemplates.VerificationCode.Text,
                "VerificationCode");
            Uri baseAddress = await server.StartAsync();

            using var http = new HttpClient();
            var client = new JuheSmsClient(http, new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = server.SendEndpoint });
            SmsSendResult result = await client.SendVerificationCodeAsync("13800138000", "482913", 5);

            using var api = new HttpClient { BaseAddress = baseAddress };
            string latest = await api.GetStringAsync("api/messages/latest?mobile=13800138000");
            Console.WriteLine("base=" + baseAddress);
            Console.WriteLine("sid=" + result.Sid);
            Console.WriteLine("latest=" + latest);
            """);

        CommandResult build = consumer.Build();
        Assert.True(build.Succeeded, build.ToString());
        CommandResult run = consumer.Run();
        Assert.True(run.Succeeded, run.ToString());

        string Line(string prefix) => run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(prefix, StringComparison.Ordinal)).Substring(prefix.Length);
        var baseAddress = new Uri(Line("base="));
        Assert.Equal("127.0.0.1", baseAddress.Host);
        Assert.NotEqual(0, baseAddress.Port);
        using JsonDocument message = JsonDocument.Parse(Line("latest="));
        Assert.Equal(Line("sid="), message.RootElement.GetProperty("sid").GetString());
        Assert.Equal("【Contoso】您的验证码是482913，5分钟内有效。", message.RootElement.GetProperty("text").GetString());
        Assert.Equal(100001, message.RootElement.GetProperty("tplId").GetInt32());
        Assert.Equal("482913", message.RootElement.GetProperty("variables").GetProperty("code").GetString());
        Assert.Equal(1, message.RootElement.GetProperty("segments").GetInt32());
    }

    [Fact]
    public void The_package_is_a_library_with_its_translations_that_needs_exactly_its_JuheSms_Testing()
    {
        using ZipArchive package = ZipFile.OpenRead(_fixture.SandboxServerPackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net8.0/JuheSms.Sandbox.Server.dll", entries);
        Assert.Contains("lib/net8.0/JuheSms.Sandbox.Server.xml", entries);
        Assert.Contains("lib/net8.0/zh-Hans/JuheSms.Sandbox.Server.resources.dll", entries);
        Assert.Contains("README.md", entries);
        // The command line (and the generator and Roslyn it reads templates files with) is the tool's, not the library's.
        Assert.DoesNotContain(entries, e => e.EndsWith("JuheSms.Sandbox.dll", StringComparison.Ordinal) || e.Contains("CodeAnalysis", StringComparison.Ordinal));

        XDocument nuspec;
        using (Stream stream = package.GetEntry("JuheSms.Sandbox.Server.nuspec")!.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        XNamespace ns = nuspec.Root!.Name.Namespace;
        var dependencies = nuspec.Descendants(ns + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
        Assert.Equal(new Dictionary<string, string> { ["JuheSms.Testing"] = "[" + _fixture.Version + "]" }, dependencies);
        Assert.Contains(nuspec.Descendants(ns + "frameworkReference"), f => (string?)f.Attribute("name") == "Microsoft.AspNetCore.App");
    }
}
