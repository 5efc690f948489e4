using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// A template whose name and placeholders are known keeps its typed method when something else in it is wrong, so its
    /// call sites compile (the user meets the JSON error, not CS1061 at every call); that method never sends.
    /// </summary>
    public class RecoverableTemplateTests
    {
        // Code: a bad pattern; Order: a placeholder missing from "variables"; Promo: an unknown kind; Lost: no usable name.
        private const string Json = """
            { "namespace": "Shop.Sms", "templates": [
              { "name": "Code", "tplId": 1, "text": "验证码#code#", "variables": { "code": { "pattern": "[0-9" } } },
              { "name": "Order", "tplId": 2, "text": "订单#order#已发货，运单#tracking#", "variables": { "order": { "maxLength": 10 } } },
              { "name": "Promo", "tplId": 3, "kind": "promo", "text": "#n#元券" },
              { "name": "9Lost", "tplId": 4, "text": "x" },
              { "name": "Fine", "tplId": 5, "text": "你好#who#" }
            ] }
            """;

        private const string CallSites = """
            #pragma warning disable CS1591 // test code only; the generated code is checked for docs
            using System.Threading.Tasks;
            using JuheSms;
            using Shop.Sms;

            namespace TestProject
            {
                public static class CallSites
                {
                    public static Task<SmsSendResult> Code(IJuheSmsClient client) => client.SendCodeAsync("13800138000", "1234");

                    public static Task<SmsSendResult> Order(IJuheSmsClient client) => client.SendOrderAsync("13800138000", order: "A1", tracking: "SF1");

                    public static RenderedSms Promo() => SmsTemplates.Promo.Render("5");

                    public static SmsMessage Fine() => SmsTemplates.Fine.CreateMessage("13800138000", "张三");
                }
            }
            """;

        [Fact]
        public void Call_sites_of_templates_with_a_recoverable_error_compile_and_the_methods_never_send()
        {
            GeneratorDriver driver = GeneratorRunner.CreateDriver(new[] { new InMemoryAdditionalText("/src/sms-templates.json", Json) });
            CSharpCompilation compilation = GeneratorRunner.CreateCompilation(LanguageVersion.Latest, CallSites).WithAssemblyName("Recoverable");
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);

            // The JSON errors fail the build (here the generator reports them: a build without analyzers) ...
            Assert.Equal(new[] { "JSMS004", "JSMS005", "JSMS002", "JSMS010" }.OrderBy(id => id), diagnostics.Select(d => d.Id).OrderBy(id => id));
            Assert.Contains(diagnostics, d => d.Id == "JSMS004" && d.GetMessage().EndsWith("no method is generated for it", StringComparison.Ordinal));

            // ... and nothing else does: no CS1061 or other compiler error at the call sites.
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError));
            using var stream = new MemoryStream();
            EmitResult result = output.Emit(stream);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));

            Type callSites = Assembly.Load(stream.ToArray()).GetType("TestProject.CallSites", throwOnError: true)!;
            Type client = typeof(SmsMessage).Assembly.GetType("JuheSms.IJuheSmsClient", throwOnError: true)!;
            object neverCalled = System.Reflection.DispatchProxy.Create(client, typeof(NeverCalledClient));

            // A template with errors throws instead of sending: an unchecked pattern or an undeclared variable could be wrong.
            foreach (string method in new[] { "Code", "Order" })
            {
                var thrown = Assert.Throws<TargetInvocationException>(() => callSites.GetMethod(method)!.Invoke(null, new[] { neverCalled }));
                InvalidOperationException error = Assert.IsType<InvalidOperationException>(thrown.InnerException);
                Assert.Contains("'" + method + "' has errors in sms-templates.json", error.Message, StringComparison.Ordinal);
            }

            Assert.IsType<InvalidOperationException>(Assert.Throws<TargetInvocationException>(() => callSites.GetMethod("Promo")!.Invoke(null, null)).InnerException);

            // A template without errors is untouched.
            var message = (SmsMessage)callSites.GetMethod("Fine")!.Invoke(null, null)!;
            Assert.Equal(5, message.TplId);
            Assert.Equal("张三", message.Variables["who"]);
        }

        [Fact]
        public void In_a_build_with_analyzers_the_generator_reports_nothing_but_still_emits_the_same_code()
        {
            GeneratorDriver withAnalyzers = GeneratorRunner.CreateDriver(new[] { new InMemoryAdditionalText("/src/sms-templates.json", Json) }, analyzersRun: true)
                .RunGenerators(GeneratorRunner.CreateCompilation());
            GeneratorDriver without = GeneratorRunner.CreateDriver(new[] { new InMemoryAdditionalText("/src/sms-templates.json", Json) })
                .RunGenerators(GeneratorRunner.CreateCompilation());

            GeneratorRunResult run = withAnalyzers.GetRunResult().Results.Single();
            Assert.Empty(run.Diagnostics);
            Assert.Null(run.Exception);
            Assert.NotEmpty(without.GetRunResult().Results.Single().Diagnostics);
            Assert.Equal(
                without.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()),
                run.GeneratedSources.Select(s => s.SourceText.ToString()));
        }

        /// <summary>A client that fails the test if anything reaches it.</summary>
        public class NeverCalledClient : System.Reflection.DispatchProxy
        {
            protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
                => throw new InvalidOperationException("The client was called: a template with errors sent a message.");
        }
    }
}
