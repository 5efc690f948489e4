using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// Issue 11's package test: <c>dotnet tool install JuheSms.Sandbox --tool-path DIR --add-source FEED</c>, then the
/// installed <c>juhesms-sandbox</c>, started in a fresh consumer project's folder (so it finds the consumer's
/// sms-templates.json by its name), serves the consumer's typed send.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SandboxToolPackageTests
{
    private readonly PackageFixture _fixture;

    public SandboxToolPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_installed_tool_serves_a_consumers_typed_send()
    {
        string command = _fixture.SandboxCommand; // Installed with dotnet tool install from the packed feed.

        var consumer = _fixture.CreateConsumer("sandbox-tool");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", """
            {
              "namespace": "Consumer.Sms",
              "signature": "【Contoso】",
              // comments and trailing commas: the tool reads the file as the generator does
              "templates": [
                { "name": "VerificationCode", "tplId": 100001, "kind": "verification", "text": "您的验证码是#code#，#minutes#分钟内有效。",
                  "variables": { "code": { "pattern": "^[0-9]{6}$" }, "minutes": { "type": "int" }, }, },
              ],
            }
            """);
        consumer.WriteFile("Program.cs", """
            using System;
            using System.Net.Http;
            using Consumer.Sms;
            using JuheSms;

            var client = new JuheSmsClient(new HttpClient(), new JuheSmsOptions { Key = "sandbox-key", Endpoint = new Uri(args[0]) });
            SmsSendResult result = await client.SendVerificationCodeAsync("13800138000", "482913", 5);
            Console.WriteLine($"ok sid={result.Sid} fee={result.Fee}");
            """);
        CommandResult build = consumer.Build();
        Assert.True(build.Succeeded, build.ToString());

        int port = FreePort();
        using var tool = new ToolProcess(command, consumer.Directory, "--urls", "http://127.0.0.1:" + port);
        await tool.WaitForAsync("listening on", TimeSpan.FromSeconds(60));

        CommandResult run = await Task.Run(() => consumer.Run($"http://127.0.0.1:{port}/sms/send"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        string latest = await http.GetStringAsync("api/messages/latest?mobile=13800138000");
        using JsonDocument message = JsonDocument.Parse(latest);

        Assert.True(run.Succeeded, run + Environment.NewLine + "tool: " + tool.Output);
        Assert.Contains("fee=1", run.Output);
        Assert.Contains("ok sid=" + message.RootElement.GetProperty("sid").GetString(), run.Output);
        Assert.Equal("【Contoso】您的验证码是482913，5分钟内有效。", message.RootElement.GetProperty("text").GetString());
        Assert.Equal(100001, message.RootElement.GetProperty("tplId").GetInt32());
        Assert.Contains("sms-templates.json: 1 template", tool.Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The installed command, running until disposed (then killed with its children, by its own id).</summary>
    private sealed class ToolProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly object _gate = new();

        public ToolProcess(string command, string workingDirectory, params string[] args)
        {
            var psi = new ProcessStartInfo(command)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                psi.ArgumentList.Add(arg);
            }

            // The tool's apphost finds the runtime through DOTNET_ROOT: the one running these tests.
            psi.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetCli.DotnetPath) is { Length: > 0 } root ? root : "/usr/share/dotnet";
            psi.Environment.Remove("DOTNET_HOST_PATH");
            _process = new Process { StartInfo = psi };
            DataReceivedEventHandler append = (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_gate)
                    {
                        _output.AppendLine(e.Data);
                    }
                }
            };
            _process.OutputDataReceived += append;
            _process.ErrorDataReceived += append;
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output
        {
            get { lock (_gate) { return _output.ToString(); } }
        }

        public async Task WaitForAsync(string text, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"juhesms-sandbox exited with {_process.ExitCode} before saying '{text}':{Environment.NewLine}{Output}");
                }

                if (watch.Elapsed > timeout)
                {
                    throw new TimeoutException($"juhesms-sandbox did not say '{text}' within {timeout}:{Environment.NewLine}{Output}");
                }

                await Task.Delay(100);
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It ended on its own meanwhile.
            }

            _process.Dispose();
        }
    }
}
