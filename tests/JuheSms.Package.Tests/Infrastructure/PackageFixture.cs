using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace JuheSms.Package.Tests.Infrastructure;

/// <summary>All package tests share one pack (it costs seconds): they run in this collection, one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "JuheSms.Generators package";
}

/// <summary>
/// Packs src/JuheSms/JuheSms.csproj once, with a version no cache can hold yet, into a local folder feed inside a fresh
/// temporary directory outside the repository:
/// <code>
/// {Root}/feed/          the .nupkg (the consumers' extra package source)
/// {Root}/packages/      NUGET_PACKAGES of the consumers: empty at start, so no stale JuheSms.Generators can be used
/// {Root}/artifacts/     bin/ and obj/ of the nested pack (the repository's own bin/ and obj/ are not touched)
/// {Root}/consumers/*/   one fresh consumer project per test
/// </code>
/// Set JUHESMS_KEEP_PACKAGE_TESTS=1 to keep the directory for a look after the run.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "JuheSms.Generators";

    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        Version = string.Create(
            CultureInfo.InvariantCulture,
            $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        Root = Path.Combine(Path.GetTempPath(), "juhesms-package-tests", Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(Root, "feed");
        PackagesDirectory = Path.Combine(Root, "packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(Path.Combine(Root, "consumers"));

        // Stop MSBuild's upward search for Directory.*.props/targets here: a consumer must see only what the package brings.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        _toolPackagePath = new Lazy<string>(PackTool);
        _sandboxCommand = new Lazy<string>(InstallSandboxTool);
        _sandboxServerPackagePath = new Lazy<string>(PackSandboxServer);
        try
        {
            (PackResult, PackagePath) = Pack();
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw.
            Dispose();
            throw;
        }
    }

    /// <summary>The repository's root (where JuheSms.Generators.sln is).</summary>
    public string RepoRoot { get; }

    /// <summary>The unique version the package was packed with.</summary>
    public string Version { get; }

    /// <summary>The temporary directory of this run.</summary>
    public string Root { get; }

    /// <summary>The local folder feed holding the package.</summary>
    public string FeedDirectory { get; }

    /// <summary>The consumers' private NuGet global packages folder.</summary>
    public string PackagesDirectory { get; }

    /// <summary>The packed .nupkg.</summary>
    public string PackagePath { get; }

    /// <summary>The output of the pack.</summary>
    internal CommandResult PackResult { get; }

    /// <summary>The JuheSms.Sandbox tool package, packed into the same feed with the same version on first use.</summary>
    public string ToolPackagePath => _toolPackagePath.Value;

    private readonly Lazy<string> _toolPackagePath;

    /// <summary>
    /// The <c>juhesms-sandbox</c> command, installed once for every test that runs it with
    /// <c>dotnet tool install JuheSms.Sandbox --tool-path DIR --add-source FEED</c> from the packed tool (issue 11).
    /// </summary>
    public string SandboxCommand => _sandboxCommand.Value;

    private readonly Lazy<string> _sandboxCommand;

    /// <summary>
    /// The JuheSms.Sandbox.Server library package, packed into the same feed with the same version on first use, with
    /// the JuheSms.Testing package it depends on.
    /// </summary>
    public string SandboxServerPackagePath => _sandboxServerPackagePath.Value;

    private readonly Lazy<string> _sandboxServerPackagePath;

    private string InstallSandboxTool()
    {
        Assert.True(File.Exists(ToolPackagePath));
        string toolPath = Path.Combine(Root, "tool");
        CommandResult install = DotnetCli.Run(Root, new[]
        {
            "tool", "install", "JuheSms.Sandbox", "--tool-path", toolPath, "--add-source", FeedDirectory, "--version", Version,
        }, new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory });
        Assert.True(install.Succeeded, install.ToString());
        string command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "juhesms-sandbox.exe" : "juhesms-sandbox");
        Assert.True(File.Exists(command), "no " + command + " after: " + install);
        return command;
    }

    /// <summary>Creates an empty consumer directory with a nuget.config that adds the local feed.</summary>
    internal ConsumerProject CreateConsumer(string name) => new(this, Path.Combine(Root, "consumers", name));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("JUHESMS_KEEP_PACKAGE_TESTS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException e)
        {
            Trace.WriteLine($"Could not delete {Root}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Trace.WriteLine($"Could not delete {Root}: {e.Message}");
        }
    }

    private (CommandResult Result, string PackagePath) Pack()
    {
        var project = Path.Combine(RepoRoot, "src", "JuheSms", "JuheSms.csproj");
        var result = DotnetCli.Run(RepoRoot, new[]
        {
            "pack", project,
            "-c", "Release",
            "-o", FeedDirectory,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version,
            "-nodeReuse:false",
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("dotnet pack of the JuheSms.Generators package failed:" + Environment.NewLine + result);
        }

        var packagePath = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");
        if (!File.Exists(packagePath))
        {
            var found = string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName));
            throw new InvalidOperationException($"dotnet pack succeeded but {packagePath} is missing; the feed holds: {found}{Environment.NewLine}{result}");
        }

        return (result, packagePath);
    }

    private string PackTool()
    {
        var project = Path.Combine(RepoRoot, "src", "JuheSms.Sandbox", "JuheSms.Sandbox.csproj");
        var result = DotnetCli.Run(RepoRoot, new[]
        {
            "pack", project, "-c", "Release", "-o", FeedDirectory, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version, "-nodeReuse:false",
        });
        var packagePath = Path.Combine(FeedDirectory, $"JuheSms.Sandbox.{Version}.nupkg");
        if (!result.Succeeded || !File.Exists(packagePath))
        {
            throw new InvalidOperationException("dotnet pack of the JuheSms.Sandbox tool failed:" + Environment.NewLine + result);
        }

        return packagePath;
    }

    private string PackSandboxServer()
    {
        PackLibrary(Path.Combine("src", "JuheSms.Testing", "JuheSms.Testing.csproj"), "JuheSms.Testing");
        return PackLibrary(Path.Combine("src", "JuheSms.Sandbox.Server", "JuheSms.Sandbox.Server.csproj"), "JuheSms.Sandbox.Server");
    }

    private string PackLibrary(string relativeProject, string packageId)
    {
        var result = DotnetCli.Run(RepoRoot, new[]
        {
            "pack", Path.Combine(RepoRoot, relativeProject), "-c", "Release", "-o", FeedDirectory, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version, "-nodeReuse:false",
        });
        var packagePath = Path.Combine(FeedDirectory, $"{packageId}.{Version}.nupkg");
        if (!result.Succeeded || !File.Exists(packagePath))
        {
            throw new InvalidOperationException($"dotnet pack of the {packageId} package failed:" + Environment.NewLine + result);
        }

        return packagePath;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JuheSms.Generators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("JuheSms.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
