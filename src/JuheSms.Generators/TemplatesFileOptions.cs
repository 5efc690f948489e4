using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JuheSms.Generators
{
    /// <summary>
    /// How a templates file is recognised and which MSBuild values the generator reads. The package's targets
    /// (build/JuheSms.Generators.targets) mirror these names: keep both in step.
    /// </summary>
    internal static class TemplatesFileOptions
    {
        /// <summary>The item that users write: <c>&lt;JuheSmsTemplates Include="sms-templates.json" /&gt;</c>.</summary>
        public const string ItemName = "JuheSmsTemplates";

        /// <summary>The AdditionalFiles metadata the targets set to <c>true</c> (declared as CompilerVisibleItemMetadata).</summary>
        public const string MetadataName = "JuheSmsTemplates";

        /// <summary>The analyzer-config key of <see cref="MetadataName"/>.</summary>
        public const string MetadataKey = "build_metadata.AdditionalFiles." + MetadataName;

        /// <summary>The analyzer-config key of the project's RootNamespace (declared as CompilerVisibleProperty).</summary>
        public const string RootNamespaceKey = "build_property.RootNamespace";

        /// <summary>The analyzer-config key of the project's RunAnalyzers (declared as CompilerVisibleProperty).</summary>
        public const string RunAnalyzersKey = "build_property.RunAnalyzers";

        /// <summary>The analyzer-config key of the project's RunAnalyzersDuringBuild (declared as CompilerVisibleProperty).</summary>
        public const string RunAnalyzersDuringBuildKey = "build_property.RunAnalyzersDuringBuild";

        /// <summary>An AdditionalFile with this exact name is a templates file without any metadata.</summary>
        public const string DefaultFileName = "sms-templates.json";

        /// <summary>An AdditionalFile whose name ends with this is a templates file without any metadata.</summary>
        public const string FileSuffix = ".sms.json";

        /// <summary>
        /// False when the build runs no analyzers (<c>RunAnalyzers</c> or <c>RunAnalyzersDuringBuild</c> set to false: the
        /// compiler then skips analyzers but still runs generators). The templates file's diagnostics are the
        /// <c>TemplatesFileAnalyzer</c>'s; without analyzers the generator reports them itself, so a broken file still
        /// fails the build.
        /// </summary>
        public static bool AnalyzersRun(AnalyzerConfigOptions globalOptions)
            => !IsFalse(globalOptions, RunAnalyzersKey) && !IsFalse(globalOptions, RunAnalyzersDuringBuildKey);

        private static bool IsFalse(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out string? value) && value is not null && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

        /// <summary>True when <paramref name="file"/> is a templates file (metadata <c>true</c>, or a conventional name).</summary>
        public static bool IsTemplatesFile(AdditionalText file, AnalyzerConfigOptionsProvider options)
        {
            if (options.GetOptions(file).TryGetValue(MetadataKey, out string? value) && value is not null)
            {
                string trimmed = value.Trim();
                if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
                {
                    // An explicit opt-out wins over the file name.
                    return false;
                }
            }

            return HasConventionalName(file.Path);
        }

        /// <summary>True for <c>sms-templates.json</c> or <c>*.sms.json</c> (case-insensitive: file systems differ).</summary>
        public static bool HasConventionalName(string path)
        {
            // Not Path.GetFileName: on .NET Framework hosts it throws for characters it deems invalid.
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            string name = slash >= 0 ? path.Substring(slash + 1) : path;
            return string.Equals(name, DefaultFileName, StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);
        }
    }
}
