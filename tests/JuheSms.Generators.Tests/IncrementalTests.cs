using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>Re-runs are cached, and what flows between steps holds no compiler objects (NetEscapades.EnumGenerators' checks).</summary>
    public class IncrementalTests
    {
        private static string ExampleJson => File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "templates.example.json"));

        [Fact]
        public void An_unrelated_code_edit_leaves_every_step_cached()
        {
            GeneratorDriver driver = GeneratorRunner.CreateDriver(new[] { new InMemoryAdditionalText("/src/sms-templates.json", ExampleJson) });
            CSharpCompilation compilation = GeneratorRunner.CreateCompilation();
            driver = driver.RunGenerators(compilation);
            GeneratorRunResult first = driver.GetRunResult().Results.Single();
            Assert.Single(first.GeneratedSources);
            AssertTrackedStepsRan(first);

            CSharpCompilation edited = compilation.AddSyntaxTrees(
                CSharpSyntaxTree.ParseText("namespace TestProject { internal static class Other { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
            driver = driver.RunGenerators(edited);
            GeneratorRunResult second = driver.GetRunResult().Results.Single();

            foreach (string step in TrackingNames.All)
            {
                Assert.True(second.TrackedSteps.TryGetValue(step, out var runs), "step " + step + " did not run");
                foreach (IncrementalGeneratorRunStep run in runs)
                {
                    foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                    {
                        Assert.True(reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged, step + " was " + reason);
                    }
                }
            }

            Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void Editing_one_of_two_files_reparses_only_that_one()
        {
            var a = new InMemoryAdditionalText("/src/a.sms.json", """{ "namespace": "A", "templates": [ { "name": "One", "tplId": 1, "text": "#x#" } ] }""");
            var b = new InMemoryAdditionalText("/src/b.sms.json", """{ "namespace": "B", "templates": [ { "name": "Two", "tplId": 2, "text": "#y#" } ] }""");
            GeneratorDriver driver = GeneratorRunner.CreateDriver(new[] { a, b });
            CSharpCompilation compilation = GeneratorRunner.CreateCompilation();
            driver = driver.RunGenerators(compilation);

            var bEdited = new InMemoryAdditionalText("/src/b.sms.json", """{ "namespace": "B", "templates": [ { "name": "Two", "tplId": 3, "text": "#y#" } ] }""");
            driver = driver.ReplaceAdditionalText(b, bEdited).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            var parse = result.TrackedSteps[TrackingNames.Parse].SelectMany(r => r.Outputs).ToList();
            Assert.Equal(2, parse.Count);
            Assert.Equal(1, parse.Count(o => o.Reason == IncrementalStepRunReason.Cached));
            Assert.Equal(1, parse.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Equal("A", ((Parsing.TemplatesParseResult)parse.Single(o => o.Reason == IncrementalStepRunReason.Cached).Value).File!.Namespace);

            // The hint names did not change, so the other file's source is not re-emitted.
            var emit = result.TrackedSteps[TrackingNames.Emit].SelectMany(r => r.Outputs).ToList();
            Assert.Equal(1, emit.Count(o => o.Reason == IncrementalStepRunReason.Cached));
            Assert.Equal(1, emit.Count(o => o.Reason == IncrementalStepRunReason.Modified));
            Assert.Contains("TplId = 3;", result.GeneratedSources.Single(s => s.HintName == "B.SmsTemplates.g.cs").SourceText.ToString());
        }

        [Fact]
        public void Step_outputs_hold_no_compiler_objects()
        {
            var files = new[]
            {
                new InMemoryAdditionalText("/src/sms-templates.json", ExampleJson),
                new InMemoryAdditionalText("/src/bad.sms.json", """{ "templates": [ { "name": "A", "tplId": 0, "text": "#a" } ] }"""),
            };
            GeneratorDriver driver = GeneratorRunner.CreateDriver(files).RunGenerators(GeneratorRunner.CreateCompilation());
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            AssertTrackedStepsRan(result);
            foreach (string step in TrackingNames.All)
            {
                foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
                {
                    foreach ((object value, IncrementalStepRunReason _) in run.Outputs)
                    {
                        AssertNoCompilerObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
                    }
                }
            }
        }

        private static void AssertTrackedStepsRan(GeneratorRunResult result)
        {
            foreach (string step in TrackingNames.All)
            {
                Assert.True(result.TrackedSteps.ContainsKey(step), "no tracked step " + step);
            }
        }

        private static readonly Type[] Forbidden =
        {
            typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
            typeof(Compilation), typeof(AdditionalText), typeof(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider), typeof(Diagnostic),
        };

        private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen, int depth)
        {
            if (value is null || depth > 12)
            {
                return;
            }

            Type type = value.GetType();
            foreach (Type forbidden in Forbidden)
            {
                Assert.False(forbidden.IsAssignableFrom(type), path + " holds a " + type.FullName);
            }

            if (type.IsPrimitive || type.IsEnum || value is string || value is decimal)
            {
                return;
            }

            if (!type.IsValueType && !seen.Add(value))
            {
                return;
            }

            if (value is IEnumerable items)
            {
                int i = 0;
                foreach (object? item in items)
                {
                    AssertNoCompilerObjects(item, path + "[" + i++ + "]", seen, depth + 1);
                }

                return;
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertNoCompilerObjects(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
            }
        }
    }
}
