using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text.Json;

namespace JuheSms.Package.Tests.Infrastructure;

/// <summary>
/// A fresh consumer project outside the repository that references the packed JuheSms.Generators by version, restoring
/// it from the local folder feed (added by a nuget.config next to the project, on top of the machine's own sources, which
/// still serve the package's dependencies) into the fixture's private NuGet packages folder.
/// </summary>
internal sealed class ConsumerProject
{
    public const string ProjectName = "Consumer";

    private readonly PackageFixture _fixture;

    public ConsumerProject(PackageFixture fixture, string directory)
    {
        _fixture = fixture;
        Directory = directory;
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="juhesms-package-tests" value="{SecurityElement.Escape(fixture.FeedDirectory)}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, ProjectName + ".csproj");

    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0");

    public string IntermediateDirectory => Path.Combine(Directory, "obj", "Debug", "net10.0");

    /// <summary>Full path of a file of the project.</summary>
    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Directory, relativePath));

    public void WriteFile(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Writes Consumer.csproj: a net10.0 console app with the package reference and the given extras.</summary>
    public void WriteProject(string items = "", string properties = "")
    {
        WriteFile(ProjectName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>{ProjectName}</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{_fixture.Version}" />
            {items}
              </ItemGroup>
            </Project>
            """);
    }

    public CommandResult Restore() => Dotnet("restore", ProjectPath, "-nodeReuse:false");

    public CommandResult Build(params string[] extraArguments)
    {
        var args = new List<string> { "build", ProjectPath, "-c", "Debug", "-nodeReuse:false" };
        args.AddRange(extraArguments);
        return Dotnet(args.ToArray());
    }

    /// <summary>Runs <c>dotnet format analyzers</c> on the project: applies the code fixes of the given diagnostics.</summary>
    public CommandResult ApplyCodeFixes(string diagnosticId, string severity) =>
        Dotnet("format", "analyzers", ProjectPath, "--diagnostics", diagnosticId, "--severity", severity, "--no-restore");

    /// <summary>Runs the built console app (framework-dependent, through the same dotnet).</summary>
    public CommandResult Run(params string[] args)
    {
        var all = new List<string> { Path.Combine(OutputDirectory, ProjectName + ".dll") };
        all.AddRange(args);
        return DotnetCli.Run(Directory, all, Environment);
    }

    /// <summary>
    /// The evaluated items of one type (after restore: the package's props and targets are imported from the
    /// restore-generated nuget.g.props/targets), as (full path, metadata) pairs.
    /// </summary>
    public IReadOnlyList<EvaluatedItem> EvaluateItems(string itemType, out CommandResult result) =>
        GetItems(itemType, target: null, out result);

    /// <summary>The items of one type as they are after running <paramref name="target"/>.</summary>
    public IReadOnlyList<EvaluatedItem> EvaluateTargetItems(string target, string itemType, out CommandResult result) =>
        GetItems(itemType, target, out result);

    private IReadOnlyList<EvaluatedItem> GetItems(string itemType, string? target, out CommandResult result)
    {
        var args = new List<string> { "msbuild", ProjectPath, "-getItem:" + itemType, "-nodeReuse:false" };
        if (target is not null)
        {
            args.Add("-t:" + target);
        }

        result = Dotnet(args.ToArray());
        var items = new List<EvaluatedItem>();
        if (!result.Succeeded)
        {
            return items;
        }

        var start = result.Output.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return items;
        }

        using var json = JsonDocument.Parse(result.Output.Substring(start));
        if (!json.RootElement.TryGetProperty("Items", out var all) || !all.TryGetProperty(itemType, out var list))
        {
            return items;
        }

        foreach (var item in list.EnumerateArray())
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in item.EnumerateObject())
            {
                metadata[property.Name] = property.Value.ToString();
            }

            items.Add(new EvaluatedItem(metadata["FullPath"], metadata));
        }

        return items;
    }

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = _fixture.PackagesDirectory,
    };

    private CommandResult Dotnet(params string[] args) => DotnetCli.Run(Directory, args, Environment);
}

/// <summary>One evaluated MSBuild item.</summary>
internal sealed record EvaluatedItem(string FullPath, IReadOnlyDictionary<string, string> Metadata)
{
    public string? this[string name] => Metadata.TryGetValue(name, out var value) ? value : null;
}
