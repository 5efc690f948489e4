using System.Threading.Tasks;
using JuheSms.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>Raw sends: <c>new SmsMessage(mobile, tplId, variables) { Ext = ... }</c>.</summary>
    public class RawSendTests
    {
        private static string NoTemplates(string body) => Code(body).Replace("using Contoso.Sms;", string.Empty);

        private static string Code(string body) => TestTemplates.Usings + """
            class C
            {
                const string CodeKey = "code";

                async Task M(IJuheSmsClient client, string mobile, string code, string key, Dictionary<string, string> variables, CancellationToken ct)
                {

            """ + body + """

                }
            }
            """;

        [Fact]
        public async Task A_complete_raw_send_not_passed_to_SendAsync_is_clean()
        {
            await Verify.AnalyzerAsync(Code("""
                        var a = new SmsMessage("13800138000", 123456, new Dictionary<string, string> { ["code"] = "1234", ["minutes"] = "5" }) { Ext = "01" };
                        var b = new SmsMessage(mobile, 123457, new Dictionary<string, string> { { "name", code }, { "order", "AB1234" }, { "tracking", code } });
                        var c = new SmsMessage(mobile, 123456, new Dictionary<string, string>(2, System.StringComparer.Ordinal) { [CodeKey] = code, [nameof(minutes)] = "5" });
                        var d = new SmsMessage(mobile, 123456, variables);
                        await client.SendAsync(a, ct);
                """).Replace("nameof(minutes)", "\"minutes\""));
        }

        [Fact]
        public async Task Unsafe_values_are_JSMS101_in_both_initializer_styles_even_without_a_templates_file()
        {
            string source = NoTemplates("""
                        var a = new SmsMessage(mobile, 999, new Dictionary<string, string> { ["x"] = {|JSMS101:"a#b"|}, ["y"] = "ok" });
                        var b = new SmsMessage(mobile, 999, new Dictionary<string, string> { { "x", {|JSMS101:"line\n"|} }, { "y", code } });
                """);
            await Verify.AnalyzerAsync(source, templatesJson: null, editorConfig: null);
        }

        [Fact]
        public async Task Values_break_the_variable_rules_JSMS102()
        {
            await Verify.AnalyzerAsync(Code("""
                        var a = new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = {|JSMS102:"12"|}, ["minutes"] = {|JSMS102:"five"|} });
                        var b = new SmsMessage(mobile, 123456, new Dictionary<string, string> { { "code", {|JSMS101:"1#34"|} }, { "minutes", {|JSMS102:"100"|} } });
                        var c = new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = {|JSMS102:"1.5"|} });
                        var d = new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = "-12345678901" });
                """));
        }

        [Fact]
        public async Task A_missing_variable_is_JSMS104_on_the_variables_argument_and_named()
        {
            await Verify.AnalyzerAsync(
                Code("""
                        var a = new SmsMessage(mobile, 123456, {|#0:new Dictionary<string, string> { ["code"] = code }|});
                        var b = new SmsMessage(mobile, 123457, {|#1:new Dictionary<string, string> { { "order", "AB1234" } }|});
                        var c = new SmsMessage(mobile, 123456, {|#2:new Dictionary<string, string>()|});
                """),
                new DiagnosticResult("JSMS104", DiagnosticSeverity.Error).WithLocation(0).WithArguments("VerificationCode", "123456", "minutes"),
                new DiagnosticResult("JSMS104", DiagnosticSeverity.Error).WithLocation(1).WithArguments("OrderShipped", "123457", "name"),
                new DiagnosticResult("JSMS104", DiagnosticSeverity.Error).WithLocation(1).WithArguments("OrderShipped", "123457", "tracking"),
                new DiagnosticResult("JSMS104", DiagnosticSeverity.Error).WithLocation(2).WithArguments("VerificationCode", "123456", "code"),
                new DiagnosticResult("JSMS104", DiagnosticSeverity.Error).WithLocation(2).WithArguments("VerificationCode", "123456", "minutes"));
        }

        [Fact]
        public async Task Variables_the_analyzer_cannot_see_all_of_are_not_JSMS104()
        {
            await Verify.AnalyzerAsync(Code("""
                        var a = new SmsMessage(mobile, 123456, variables);
                        var b = new SmsMessage(mobile, 123456, new Dictionary<string, string>(variables) { ["code"] = code });
                        var c = new SmsMessage(mobile, 123456, new Dictionary<string, string> { [key] = code, ["code"] = code });
                        var d = new SmsMessage(mobile, 123456, new Dictionary<string, string> { { key, code } });
                """));
        }

        [Fact]
        public async Task An_unknown_variable_or_tpl_id_is_JSMS105()
        {
            await Verify.AnalyzerAsync(
                Code("""
                        var a = new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5", [{|#0:"extra"|}] = "x" });
                        var b = new SmsMessage(mobile, {|#1:999999|}, new Dictionary<string, string> { ["code"] = code });
                        var c = new SmsMessage(mobile, 123457, new Dictionary<string, string> { { "name", code }, { "order", "AB1234" }, { "tracking", code }, { {|#2:"Name"|}, code } });
                """),
                new DiagnosticResult("JSMS105", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("Template 'VerificationCode' (tpl_id 123456) has no variable 'extra'"),
                new DiagnosticResult("JSMS105", DiagnosticSeverity.Warning).WithLocation(1)
                    .WithMessage("tpl_id 999999 is in no templates file"),
                new DiagnosticResult("JSMS105", DiagnosticSeverity.Warning).WithLocation(2)
                    .WithMessage("Template 'OrderShipped' (tpl_id 123457) has no variable 'Name'"));
        }

        [Fact]
        public async Task Without_a_templates_file_an_unknown_tpl_id_is_not_JSMS105()
        {
            await Verify.AnalyzerAsync(NoTemplates("""
                        var a = new SmsMessage(mobile, 999999, new Dictionary<string, string> { ["code"] = code });
                """), templatesJson: null, editorConfig: null);
        }

        [Fact]
        public async Task Mobile_and_ext_constants_of_a_raw_send_are_JSMS103_and_JSMS107()
        {
            await Verify.AnalyzerAsync(NoTemplates("""
                        var a = new SmsMessage({|JSMS103:"1380013800"|}, 123456, variables) { Ext = {|JSMS107:"ext"|} };
                        var b = new SmsMessage("13800138000", 123456, variables) { Ext = null, Kind = SmsTemplateKind.Verification };
                        var c = new SmsMessage(mobile, 999, variables) { Ext = "123456789" };
                """), templatesJson: null, editorConfig: null);
        }

        [Fact]
        public async Task A_complete_raw_send_passed_to_SendAsync_is_JSMS106()
        {
            await Verify.AnalyzerAsync(
                Code("""
                        await client.SendAsync({|#0:new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5" }) { Ext = "1" }|}, ct);
                        await client.SendAsync({|#1:new SmsMessage(mobile, 123457, new Dictionary<string, string> { { "name", code }, { "order", "AB1234" }, { "tracking", code } })|});
                        await client.SendAsync(new SmsMessage(mobile, 123456, variables));
                        await client.SendAsync(new SmsMessage(mobile, 123456, {|JSMS104:new Dictionary<string, string> { ["code"] = code }|}));
                        await client.SendAsync(new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5", [{|JSMS105:"x"|}] = "" }));
                """),
                new DiagnosticResult("JSMS106", DiagnosticSeverity.Info).WithLocation(0)
                    .WithArguments("VerificationCode", "SmsTemplates", "SendVerificationCodeAsync"),
                new DiagnosticResult("JSMS106", DiagnosticSeverity.Info).WithLocation(1)
                    .WithArguments("OrderShipped", "SmsTemplates", "SendOrderShippedAsync"));
        }

        [Fact]
        public async Task Target_typed_and_implementing_class_sends_are_JSMS106_too()
        {
            await Verify.AnalyzerAsync(TestTemplates.Usings + """
                abstract class MyClient : IJuheSmsClient
                {
                    public abstract Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
                }

                class C
                {
                    Task M(MyClient client, string code) => client.SendAsync({|JSMS106:new("13800138000", 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5" })|});
                }
                """);
        }
    
        [Fact]
        public async Task A_const_tpl_id_is_folded()
        {
            await Verify.AnalyzerAsync(TestTemplates.Usings + """
                class C
                {
                    const int Verification = 123000 + 456;

                    SmsMessage M(string code) => new SmsMessage("13800138000", Verification, {|JSMS104:new Dictionary<string, string> { ["code"] = code }|});
                }
                """);
        }

        [Fact]
        public async Task Without_the_generated_typed_method_there_is_no_JSMS106()
        {
            // A templates file the generator did not run on (no typed methods in the compilation): the raw-send checks
            // still apply, but there is nothing to suggest.
            await Verify.AnalyzerAsync(
                """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using JuheSms;

                class C
                {
                    Task M(IJuheSmsClient client, string code) => client.SendAsync(new SmsMessage("13800138000", 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = {|JSMS102:"x"|} }));
                }
                """,
                test => test.TestState.AdditionalFiles.Add(("/0/sms-templates.json", TestTemplates.Example)));
        }
    }
}
