using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading;
using JuheSms.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Package.Tests;

/// <summary>
/// Issue 16's "done when", through the .nupkg: the packed analyzers alone, run the way an IDE runs them on the open
/// templates file (<c>CompilationWithAnalyzers.GetAnalysisResultAsync(AdditionalText, ...)</c>, no generator), report
/// every mistake of a broken file at its line; and <c>dotnet build</c> of the same project reports the same set, each
/// once (the generator no longer reports them beside the analyzer).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TemplatesFileAnalyzerPackageTests
{
    // Six independent mistakes (and one warning) in one file, one per line.
    private static readonly string[] BrokenFile =
    {
        "{",
        "  \"namespace\": \"Consumer.Sms\",",
        "  \"templates\": [",
        "    { \"name\": \"Code\", \"tplId\": 1, \"text\": \"验证码#code#\", \"variables\": { \"code\": { \"pattern\": \"[0-9\" } } },",
        "    { \"name\": \"Code\", \"tplId\": 2, \"text\": \"x\" },",
        "    { \"name\": \"Order\", \"tplId\": 1, \"kind\": \"promo\", \"text\": \"订单#order#\" },",
        "    { \"name\": \"Late\", \"tplId\": 3, \"text\": \"#a#\", \"variables\": { \"a\": {}, \"unused\": {} } },",
        "    { \"name\": \"Bad\", \"tplId\": 4, \"text\": \"x【y\" }",
        "  ]",
        "}",
    };

    private static readonly (string Id, int Line)[] Expected =
    {
        ("JSMS010", 4), ("JSMS003", 5), ("JSMS002", 6), ("JSMS003", 6), ("JSMS006", 7), ("JSMS007", 8),
    };

    private readonly PackageFixture _fixture;

    public TemplatesFileAnalyzerPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async System.Threading.Tasks.Task The_packed_analyzers_report_each_mistake_at_its_line_as_an_IDE_runs_them_and_dotnet_build_gives_the_same_set_once()
    {
        string text = string.Join("\n", BrokenFile) + "\n";

        // 1. What the IDE does on the open JSON file: the packed analyzers only, on that additional file.
        string analyzerFolder = ExtractAnalyzers();
        ImmutableArray<DiagnosticAnalyzer> analyzers = LoadAnalyzers(analyzerFolder);
        Assert.Contains(analyzers, a => a.GetType().Name == "TemplatesFileAnalyzer");
        var file = new FileText("/consumer/sms-templates.json", text);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("class Program { static void Main() { } }") },
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(file));
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        AnalysisResult result = await withAnalyzers.GetAnalysisResultAsync(file, analyzers, CancellationToken.None);

        var ide = result.AdditionalFileDiagnostics.TryGetValue(file, out var byAnalyzer)
            ? byAnalyzer.Values.SelectMany(d => d).Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1)).ToList()
            : new List<(string Id, int Line)>();
        Assert.Equal(Expected.OrderBy(e => e.Id).ThenBy(e => e.Line), ide.OrderBy(e => e.Id).ThenBy(e => e.Line));

        // 2. dotnet build of a project with that file: the same set, each exactly once. MSBuild repeats every diagnostic
        //    in its summary after "Build FAILED.": the log before it has each diagnostic as the compiler reported it,
        //    and the summary's counts say how many there were.
        var consumer = _fixture.CreateConsumer("templates-analyzer");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", text);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine();\n");
        var build = consumer.Build();
        Assert.False(build.Succeeded, "The build should fail with the templates file's errors:\n" + build);
        int summary = build.Output.LastIndexOf("Build FAILED.", StringComparison.Ordinal);
        Assert.True(summary > 0, build.ToString());
        Assert.Matches(@"\b" + Expected.Count(e => e.Id != "JSMS006") + @" Error\(s\)", build.Output.Substring(summary));
        var built = Regex.Matches(build.Output.Substring(0, summary), @"sms-templates\.json\((?<line>\d+),\d+(?:,\d+,\d+)?\)\s*:\s*(?:error|warning)\s+(?<id>JSMS\d{3})\s*:")
            .Select(m => (Id: m.Groups["id"].Value, Line: int.Parse(m.Groups["line"].Value)))
            .ToList();
        Assert.True(
            Expected.OrderBy(e => e.Id).ThenBy(e => e.Line).SequenceEqual(built.OrderBy(e => e.Id).ThenBy(e => e.Line)),
            "dotnet build reported:\n" + string.Join("\n", built) + "\n\n" + build);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
    }

    /// <summary>The package's analyzers/dotnet/cs folder, extracted from the .nupkg.</summary>
    private string ExtractAnalyzers()
    {
        string folder = Path.Combine(_fixture.Root, "ide-analyzers");
        if (!Directory.Exists(folder))
        {
            using ZipArchive package = ZipFile.OpenRead(_fixture.PackagePath);
            foreach (ZipArchiveEntry entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.Name.Length > 0))
            {
                string target = Path.Combine(folder, entry.FullName.Substring("analyzers/dotnet/cs/".Length));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }

        return folder;
    }

    /// <summary>Every analyzer of the packed assemblies, loaded the way a host loads them (Roslyn itself shared).</summary>
    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string folder)
    {
        var loader = new FolderLoader(folder);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (string dll in Directory.GetFiles(folder, "JuheSms.Generators*.dll"))
        {
            analyzers.AddRange(new AnalyzerFileReference(dll, loader).GetAnalyzers(LanguageNames.CSharp));
        }

        return analyzers.ToImmutable();
    }

    private sealed class FolderLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
    {
        private readonly string _folder;

        public FolderLoader(string folder)
            : base("packed-analyzers")
        {
            _folder = folder;
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

        protected override Assembly? Load(AssemblyName name)
        {
            // Roslyn and the runtime's own assemblies come from the host; the rest from the package folder.
            if (name.Name is null || name.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                return null;
            }

            string path = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(path) && !name.Name.StartsWith("System.", StringComparison.Ordinal) ? LoadFromAssemblyPath(path) : null;
        }
    }

    private sealed class FileText : AdditionalText
    {
        private readonly SourceText _text;

        public FileText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
