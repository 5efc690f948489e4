using System;
using System.IO;
using System.Linq;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// A fresh project with one PackageReference: restore from the local feed, the runtime at run time, the generator
/// handed to the compiler, and the build props/targets turning templates files into AdditionalFiles. These need no
/// generator behaviour (see <see cref="GeneratorInPackageTests"/> for that).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests
{
    private readonly PackageFixture _fixture;

    public ConsumerBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void One_PackageReference_builds_runs_and_feeds_the_templates_file_to_the_compiler()
    {
        var consumer = _fixture.CreateConsumer("plain");
        consumer.WriteProject(items: """    <JuheSmsTemplates Include="Templates/contoso.json" />""");
        consumer.WriteFile("Templates/contoso.json", """{ "templates": [] }""" + "\n");
        consumer.WriteFile("Program.cs", """
            using System.Collections.Generic;

            var message = new JuheSms.SmsMessage("13800138000", 123456, new Dictionary<string, string> { ["code"] = "1234" });
            System.Console.WriteLine(typeof(JuheSms.IJuheSmsClient).Assembly.GetName().Name + " " + message.TplId);
            """);

        var build = consumer.Build();
        Assert.True(build.Succeeded, build.ToString());

        // The package came from the local feed into the private packages folder, at the unique version.
        var restored = Path.Combine(_fixture.PackagesDirectory, PackageFixture.PackageId.ToLowerInvariant(), _fixture.Version);
        Assert.True(File.Exists(Path.Combine(restored, "lib", "net8.0", "JuheSms.dll")), "Package not restored to " + restored);

        // lib/ is a real runtime dependency: the app runs and loads it.
        Assert.True(File.Exists(Path.Combine(consumer.OutputDirectory, "JuheSms.dll")), "JuheSms.dll not copied to the app's output.");
        var run = consumer.Run();
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("JuheSms 123456", run.Output);

        // The generator (and nothing of it in lib/) reached the compiler as an analyzer.
        var analyzers = consumer.EvaluateTargetItems("ResolveLockFileAnalyzers", "Analyzer", out var analyzerResult);
        Assert.True(analyzerResult.Succeeded, analyzerResult.ToString());
        Assert.Contains(analyzers, a => a.FullPath.StartsWith(restored, StringComparison.Ordinal) && Path.GetFileName(a.FullPath) == "JuheSms.Generators.dll");
        Assert.Contains(analyzers, a => a.FullPath.StartsWith(restored, StringComparison.Ordinal) && Path.GetFileName(a.FullPath) == "System.Text.Json.dll");

        // The compiler sees the file with JuheSmsTemplates=true, and RootNamespace: what the generator reads.
        var editorConfig = Directory.GetFiles(consumer.IntermediateDirectory, "*.GeneratedMSBuildEditorConfig.editorconfig").Single();
        var lines = File.ReadAllLines(editorConfig);
        var section = Array.IndexOf(lines, "[" + consumer.PathOf("Templates/contoso.json").Replace('\\', '/') + "]");
        Assert.True(section >= 0, "No section for the templates file in " + editorConfig + ":\n" + string.Join("\n", lines));
        Assert.Equal("build_metadata.AdditionalFiles.JuheSmsTemplates = true", lines[section + 1]);
        Assert.Contains("build_property.RootNamespace = " + ConsumerProject.ProjectName, lines);
    }

    [Fact]
    public void Templates_files_are_found_by_name_once_each_and_never_in_bin_or_obj()
    {
        var consumer = CreateConsumerWithTemplateFiles("defaults", properties: "");

        var files = consumer.EvaluateItems("AdditionalFiles", out var result);
        Assert.True(result.Succeeded, result.ToString());

        var expected = new[] { "sms-templates.json", "Sub/orders.sms.json", "extra.json" }.Select(consumer.PathOf).Order().ToList();
        Assert.Equal(expected, files.Select(f => f.FullPath).Order().ToList());
        Assert.All(files, f => Assert.Equal("true", f["JuheSmsTemplates"]));
    }

    [Fact]
    public void EnableDefaultJuheSmsTemplates_false_keeps_only_the_listed_files()
    {
        var consumer = CreateConsumerWithTemplateFiles(
            "no-defaults",
            properties: "    <EnableDefaultJuheSmsTemplates>false</EnableDefaultJuheSmsTemplates>");

        var files = consumer.EvaluateItems("AdditionalFiles", out var result);
        Assert.True(result.Succeeded, result.ToString());

        var expected = new[] { "sms-templates.json", "extra.json" }.Select(consumer.PathOf).Order().ToList();
        Assert.Equal(expected, files.Select(f => f.FullPath).Order().ToList());
        Assert.All(files, f => Assert.Equal("true", f["JuheSmsTemplates"]));
    }

    /// <summary>
    /// sms-templates.json is listed explicitly (with another spelling of its path) and found by default; Sub/orders.sms.json
    /// is found by default only; extra.json is listed and already an AdditionalFiles item; the bin/obj copies and
    /// notes.json must never show up.
    /// </summary>
    private ConsumerProject CreateConsumerWithTemplateFiles(string name, string properties)
    {
        var consumer = _fixture.CreateConsumer(name);
        consumer.WriteProject(
            properties: properties,
            items: """
                <JuheSmsTemplates Include="sms-templates.json" />
                <JuheSmsTemplates Include="./sms-templates.json" />
                <JuheSmsTemplates Include="extra.json" />
                <AdditionalFiles Include="extra.json" />
            """);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine();\n");
        foreach (var file in new[] { "sms-templates.json", "Sub/orders.sms.json", "extra.json", "notes.json", "bin/Debug/old.sms.json", "obj/cache/sms-templates.json" })
        {
            consumer.WriteFile(file, "{ }\n");
        }

        var restore = consumer.Restore();
        Assert.True(restore.Succeeded, restore.ToString());
        return consumer;
    }
}
