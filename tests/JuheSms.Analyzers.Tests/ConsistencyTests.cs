using System;
using System.IO;
using System.Linq;
using JuheSms.Generators.Analyzers;
using JuheSms.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>JSMS101-JSMS107: supported by the analyzer, in the descriptors file, documented and release-tracked.</summary>
    public class ConsistencyTests
    {
        [Fact]
        public void Every_call_site_diagnostic_is_documented_and_tracked()
        {
            string root = RepositoryRoot();
            string unshipped = File.ReadAllText(Path.Combine(root, "src", "JuheSms.Generators", "AnalyzerReleases.Unshipped.md"));
            var descriptors = new SmsCallSiteAnalyzer().SupportedDiagnostics;

            Assert.Equal(Enumerable.Range(101, 8).Select(i => "JSMS" + i), descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
            foreach (DiagnosticDescriptor descriptor in descriptors)
            {
                Assert.Same(descriptor, DiagnosticDescriptors.GetById(descriptor.Id));
                Assert.Equal("JuheSms", descriptor.Category);
                Assert.Equal(DiagnosticDescriptors.HelpLink(descriptor.Id), descriptor.HelpLinkUri);
                string page = Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md");
                Assert.True(File.Exists(page), page);
                Assert.StartsWith("# " + descriptor.Id + ": " + descriptor.Title, File.ReadAllText(page));
                Assert.Contains(descriptor.Id + " | JuheSms | " + descriptor.DefaultSeverity + " | " + descriptor.Title, unshipped);
            }
        }

        [Fact]
        public void Every_fixer_is_exported_shared_sealed_and_fixes_a_call_site_id()
        {
            Type[] fixers = typeof(JuheSms.Generators.CodeFixes.UseTypedMethodCodeFix).Assembly.GetTypes()
                .Where(t => typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .ToArray();
            var ids = new SmsCallSiteAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();

            Assert.Equal(4, fixers.Length);
            foreach (Type type in fixers)
            {
                Assert.True(type.IsSealed && type.IsPublic, type.Name);
                var export = (Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute?)Attribute.GetCustomAttribute(type, typeof(Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute));
                Assert.NotNull(export);
                Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
                Assert.NotNull(Attribute.GetCustomAttribute(type, typeof(System.Composition.SharedAttribute)));

                var fixer = (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(type)!;
                Assert.NotNull(fixer.GetFixAllProvider());
                Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            }
        }

        private static string RepositoryRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "JuheSms.Generators.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("JuheSms.Generators.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
