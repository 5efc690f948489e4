using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// The tool package carries the zh-Hans satellite assemblies of the tool and of the server library, and the installed
/// <c>juhesms-sandbox</c> speaks Chinese when the machine's language is Chinese.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SandboxToolLocalizedPackageTests
{
    private readonly PackageFixture _fixture;

    public SandboxToolLocalizedPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_tool_package_carries_the_translations()
    {
        using ZipArchive package = ZipFile.OpenRead(_fixture.ToolPackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("tools/net8.0/any/JuheSms.Sandbox.dll", entries);
        Assert.Contains("tools/net8.0/any/JuheSms.Sandbox.Server.dll", entries);
        Assert.Contains("tools/net8.0/any/zh-Hans/JuheSms.Sandbox.resources.dll", entries);
        Assert.Contains("tools/net8.0/any/zh-Hans/JuheSms.Sandbox.Server.resources.dll", entries);
        Assert.Contains("tools/net8.0/any/zh-Hans/JuheSms.Testing.resources.dll", entries);
    }

    [Fact]
    public void The_installed_tool_prints_Chinese_under_a_Chinese_locale_and_English_otherwise()
    {
        string command = _fixture.SandboxCommand; // Installed with dotnet tool install from the packed feed.

        (int chineseExit, string chinese) = Run(command, "zh_CN.UTF-8", "--templates", "nowhere.json");
        (int englishExit, string english) = Run(command, "en_US.UTF-8", "--templates", "nowhere.json");

        Assert.Equal(2, chineseExit);
        Assert.Contains("juhesms-sandbox: 找不到模板文件“nowhere.json”。", chinese);
        Assert.Equal(2, englishExit);
        Assert.Contains("juhesms-sandbox: templates file 'nowhere.json' not found.", english);
    }

    /// <summary>Runs the installed command with the given locale (LANG and LC_ALL), to its end; exit code and all output.</summary>
    private (int ExitCode, string Output) Run(string command, string locale, params string[] args)
    {
        var psi = new ProcessStartInfo(command)
        {
            WorkingDirectory = _fixture.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // The apphost finds the runtime through DOTNET_ROOT: the one running these tests.
        psi.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetCli.DotnetPath) is { Length: > 0 } root ? root : "/usr/share/dotnet";
        psi.Environment.Remove("DOTNET_HOST_PATH");
        psi.Environment["LANG"] = locale;
        psi.Environment["LC_ALL"] = locale;
        psi.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("juhesms-sandbox did not end within a minute: " + stdout + stderr.Result);
        }

        return (process.ExitCode, stdout + stderr.Result);
    }
}
