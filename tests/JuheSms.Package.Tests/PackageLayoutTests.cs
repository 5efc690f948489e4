using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>The .nupkg itself: one package, runtime in lib/, generator and its dependencies in analyzers/, build logic.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    // Provided by the compiler host (csc, VBCSCompiler, Visual Studio and its MEF): a copy next to the analyzer must not ship.
    private static readonly string[] HostProvided =
    {
        "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces",
        "Microsoft.CodeAnalysis.CSharp.Workspaces", "System.Collections.Immutable", "System.Reflection.Metadata",
        "System.Text.Encoding.CodePages", "System.Composition.AttributedModel", "System.Composition.Convention",
        "System.Composition.Hosting", "System.Composition.Runtime", "System.Composition.TypedParts",
    };

    private readonly PackageFixture _fixture;

    public PackageLayoutTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Pack_is_warning_free()
    {
        var warnings = _fixture.PackResult.Output
            .Split('\n')
            .Where(line => line.Contains(": warning ", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(warnings.Count == 0, "dotnet pack printed warnings:\n" + string.Join("\n", warnings));
    }

    [Fact]
    public void Runtime_library_is_in_lib_for_both_target_frameworks_with_its_xml_docs()
    {
        var entries = Entries();
        foreach (var tfm in new[] { "netstandard2.0", "net8.0" })
        {
            Assert.Contains($"lib/{tfm}/JuheSms.dll", entries);
            Assert.Contains($"lib/{tfm}/JuheSms.xml", entries);
            // The Chinese messages (issue 10): the runtime's satellite assembly beside it.
            Assert.Contains($"lib/{tfm}/zh-Hans/JuheSms.resources.dll", entries);
        }

        var libFiles = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).ToList();
        Assert.True(
            libFiles.All(e => Path.GetFileName(e) is "JuheSms.dll" or "JuheSms.xml" or "JuheSms.resources.dll"),
            "Only the runtime belongs in lib/ (no generator, no Roslyn), found: " + string.Join(", ", libFiles));
    }

    [Fact]
    public void Generator_code_fixes_and_System_Text_Json_are_in_analyzers_dotnet_cs()
    {
        var entries = Entries();
        Assert.Contains(AnalyzerFolder + "JuheSms.Generators.dll", entries);
        Assert.Contains(AnalyzerFolder + "System.Text.Json.dll", entries);
        Assert.Contains(AnalyzerFolder + "JuheSms.Generators.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith("JuheSms.Generators.dll", StringComparison.Ordinal) && !e.StartsWith(AnalyzerFolder, StringComparison.Ordinal));
    }

    [Fact]
    public void The_analyzers_Chinese_satellites_are_beside_them()
    {
        // Translated diagnostics and code-fix titles (issue 10): the host finds {culture}/{Assembly}.resources.dll next
        // to each analyzer assembly.
        var entries = Entries();
        Assert.Contains(AnalyzerFolder + "zh-Hans/JuheSms.Generators.resources.dll", entries);
        Assert.Contains(AnalyzerFolder + "zh-Hans/JuheSms.Generators.CodeFixes.resources.dll", entries);

        // Only ours: Roslyn's own satellites sit in the generator's output folder too, but belong to the host.
        var satellites = entries.Where(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.EndsWith(".resources.dll", StringComparison.Ordinal)).ToList();
        Assert.True(
            satellites.All(e => Path.GetFileName(e) is "JuheSms.Generators.resources.dll" or "JuheSms.Generators.CodeFixes.resources.dll"),
            "Only our own satellites belong in " + AnalyzerFolder + ", found: " + string.Join(", ", satellites));
    }

    [Fact]
    public void The_templates_file_schema_ships_for_editors_in_English_and_Chinese()
    {
        var entries = Entries();
        Assert.Contains("schemas/templates.schema.json", entries);
        Assert.Contains("schemas/templates.schema.zh-CN.json", entries);
    }

    [Fact]
    public void Generator_targets_netstandard2_0()
    {
        using var zip = ZipFile.OpenRead(_fixture.PackagePath);
        var (_, _, targetFramework) = ReadAssembly(zip.GetEntry(AnalyzerFolder + "JuheSms.Generators.dll")!);
        Assert.Equal(".NETStandard,Version=v2.0", targetFramework);
    }

    /// <summary>
    /// A .NET Framework host (Visual Studio) resolves an analyzer's references from the analyzer's own folder: every
    /// assembly shipped there must find each reference either next to it (same or higher version), in netstandard2.0
    /// itself, or in the compiler host. Computed from the packed DLLs' metadata, not from a list.
    /// </summary>
    [Fact]
    public void Analyzer_folder_holds_the_whole_dependency_closure_and_nothing_the_host_provides()
    {
        using var zip = ZipFile.OpenRead(_fixture.PackagePath);
        var shipped = new Dictionary<string, (Version Version, IReadOnlyList<AssemblyName> References)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            var (name, references, _) = ReadAssembly(entry);
            shipped[name.Name!] = (name.Version!, references);
        }

        foreach (var host in HostProvided)
        {
            Assert.False(shipped.ContainsKey(host), $"{host}.dll is provided by the compiler host and must not be shipped in {AnalyzerFolder}.");
        }

        var problems = new List<string>();
        foreach (var (assembly, info) in shipped)
        {
            foreach (var reference in info.References)
            {
                var name = reference.Name!;
                if (name is "netstandard" or "mscorlib" || HostProvided.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!shipped.TryGetValue(name, out var target))
                {
                    problems.Add($"{assembly} references {reference}, which is not in {AnalyzerFolder}");
                }
                else if (reference.Version is not null && target.Version < reference.Version)
                {
                    problems.Add($"{assembly} references {reference}, but {AnalyzerFolder} has {name} {target.Version}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // System.Text.Json 8 on netstandard2.0 needs at least these (what the generator's bin holds today).
        foreach (var expected in new[] { "System.Text.Encodings.Web", "System.Memory", "System.Buffers", "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "Microsoft.Bcl.AsyncInterfaces" })
        {
            Assert.True(shipped.ContainsKey(expected), $"{expected}.dll missing from {AnalyzerFolder}; shipped: {string.Join(", ", shipped.Keys.Order())}");
        }
    }

    [Fact]
    public void Build_props_and_targets_are_packed_for_direct_and_transitive_references()
    {
        var entries = Entries();
        Assert.Contains("build/JuheSms.Generators.props", entries);
        Assert.Contains("build/JuheSms.Generators.targets", entries);
        Assert.Contains("buildTransitive/JuheSms.Generators.props", entries);
        Assert.Contains("buildTransitive/JuheSms.Generators.targets", entries);
    }

    [Fact]
    public void Nuspec_has_the_test_version_the_readme_and_only_runtime_dependencies()
    {
        var nuspec = Nuspec();
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal(PackageFixture.PackageId, metadata.Element(ns + "id")?.Value);
        Assert.Equal(_fixture.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Contains("README.md", Entries());

        // Users need the runtime at run time: a development dependency would keep it out of their output.
        Assert.NotEqual("true", metadata.Element(ns + "developmentDependency")?.Value);

        var groups = metadata.Element(ns + "dependencies")?.Elements(ns + "group").ToList() ?? new List<XElement>();
        var frameworks = groups.Select(g => (string?)g.Attribute("targetFramework")).ToList();
        Assert.Contains("net8.0", frameworks);
        Assert.Contains(".NETStandard2.0", frameworks);

        var ids = groups.SelectMany(g => g.Elements(ns + "dependency")).Select(d => (string)d.Attribute("id")!).ToList();
        Assert.Contains("System.Text.Json", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(PackageFixture.PackageId, ids);
    }

    private HashSet<string> Entries()
    {
        using var zip = ZipFile.OpenRead(_fixture.PackagePath);
        return zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
    }

    private XDocument Nuspec()
    {
        using var zip = ZipFile.OpenRead(_fixture.PackagePath);
        var entry = zip.Entries.Single(e => e.FullName == PackageFixture.PackageId + ".nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static (AssemblyName Name, IReadOnlyList<AssemblyName> References, string? TargetFramework) ReadAssembly(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        var name = reader.GetAssemblyDefinition().GetAssemblyName();
        var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();

        string? targetFramework = null;
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var ctor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (ctor.Parent.Kind != HandleKind.TypeReference
                || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)ctor.Parent).Name) != "TargetFrameworkAttribute")
            {
                continue;
            }

            // Blob: prolog (2 bytes), then the first fixed argument as a SerString.
            var blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            targetFramework = blob.ReadSerializedString();
        }

        return (name, references, targetFramework);
    }
}
