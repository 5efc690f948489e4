using System.Threading.Tasks;
using JuheSms.Analyzers.Tests.Infrastructure;
using JuheSms.Generators.CodeFixes;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>The code fixes; the verifier compiles every fixed document and fails on a new compiler error.</summary>
    public class CodeFixTests
    {
        private static string Code(string body) => TestTemplates.Usings + """
            class C
            {
                const string Bad = "1#";

                async Task M(IJuheSmsClient client, string mobile, string code, string ext, CancellationToken ct)
                {

            """ + body + """

                }
            }
            """;

        // JSMS101 -------------------------------------------------------------------------------------------------

        [Fact]
        public async Task JSMS101_fix_removes_the_unsafe_characters_from_the_literal()
        {
            await Verify.CodeFixAsync<RemoveUnsafeCharactersCodeFix>(
                Code("""
                        await client.SendVerificationCodeAsync(mobile, {|JSMS101:"12#34"|}, 5);
                        var m = new SmsMessage(mobile, 123457, new Dictionary<string, string> { ["name"] = {|JSMS101:"【张三】\r\n"|}, ["order"] = "AB1234", ["tracking"] = code });
                """),
                Code("""
                        await client.SendVerificationCodeAsync(mobile, "1234", 5);
                        var m = new SmsMessage(mobile, 123457, new Dictionary<string, string> { ["name"] = "张三", ["order"] = "AB1234", ["tracking"] = code });
                """));
        }

        [Fact]
        public async Task JSMS101_fix_is_not_offered_for_a_const_or_a_concatenation()
        {
            string source = Code("""
                        await client.SendVerificationCodeAsync(mobile, {|JSMS101:Bad|}, 5);
                        await client.SendVerificationCodeAsync(mobile, {|JSMS101:"1" + "#"|}, 5);
                """);
            await Verify.CodeFixAsync<RemoveUnsafeCharactersCodeFix>(source, source);
        }

        // JSMS104 -------------------------------------------------------------------------------------------------

        [Fact]
        public async Task JSMS104_fix_adds_an_index_entry_on_one_line()
        {
            await Verify.CodeFixAsync<AddMissingVariableCodeFix>(
                Code("""
                        var m = new SmsMessage(mobile, 123456, {|JSMS104:new Dictionary<string, string> { ["code"] = code }|});
                """),
                Code("""
                        var m = new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = {|JSMS102:""|} });
                """));
        }

        [Fact]
        public async Task JSMS104_fix_adds_a_collection_entry_in_a_multi_line_initializer()
        {
            await Verify.CodeFixAsync<AddMissingVariableCodeFix>(
                Code("""
                        var m = new SmsMessage(mobile, 123457, {|JSMS104:new Dictionary<string, string>
                        {
                            { "name", code },
                            { "order", "AB1234" }
                        }|});
                """),
                Code("""
                        var m = new SmsMessage(mobile, 123457, new Dictionary<string, string>
                        {
                            { "name", code },
                            { "order", "AB1234" },
                            { "tracking", "" }
                        });
                """));
        }

        [Fact]
        public async Task JSMS104_fix_keeps_a_trailing_comma()
        {
            await Verify.CodeFixAsync<AddMissingVariableCodeFix>(
                Code("""
                        var m = new SmsMessage(mobile, 123457, {|JSMS104:new Dictionary<string, string>
                        {
                            ["name"] = code,
                            ["order"] = "AB1234",
                        }|});
                """),
                Code("""
                        var m = new SmsMessage(mobile, 123457, new Dictionary<string, string>
                        {
                            ["name"] = code,
                            ["order"] = "AB1234",
                            ["tracking"] = "",
                        });
                """));
        }

        [Fact]
        public async Task JSMS104_fix_adds_an_initializer_when_there_is_none()
        {
            await Verify.CodeFixAsync<AddMissingVariableCodeFix>(
                Code("""
                        var m = new SmsMessage(mobile, 123460, {|JSMS104:new Dictionary<string, string>()|});
                """),
                Code("""
                        var m = new SmsMessage(mobile, 123460, new Dictionary<string, string>() { ["balance"] = {|JSMS102:""|} });
                """));
        }

        // JSMS106 -------------------------------------------------------------------------------------------------

        [Fact]
        public async Task JSMS106_fix_calls_the_typed_method_with_arguments_in_parameter_order()
        {
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(
                Code("""
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["minutes"] = "5", ["code"] = code }) { Ext = ext }|}, ct);
                """),
                Code("""
                        await client.SendVerificationCodeAsync(mobile, code, 5, ext, ct);
                """));
        }

        [Fact]
        public async Task JSMS106_fix_names_the_token_when_there_is_no_ext_and_keeps_string_values()
        {
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(
                Code("""
                        await client.SendAsync({|JSMS106:new SmsMessage("13800138000", 123457, new Dictionary<string, string> { { "name", code }, { "order", "AB1234" }, { "tracking", "SF" + code } })|}, ct);
                        var result = await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = "-12" }) { Kind = SmsTemplateKind.Notification }|});
                """),
                Code("""
                        await client.SendOrderShippedAsync("13800138000", code, "AB1234", "SF" + code, cancellationToken: ct);
                        var result = await client.SendPointsAsync(mobile, -12);
                """));
        }

        [Fact]
        public async Task JSMS106_fix_adds_the_using_of_the_generated_namespace()
        {
            string usingsWithout = TestTemplates.Usings.Replace("using Contoso.Sms;\n", string.Empty).Replace("using Contoso.Sms;\r\n", string.Empty);
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(
                usingsWithout + """
                class C
                {
                    Task M(IJuheSmsClient client, string mobile) => client.SendAsync({|JSMS106:new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = "7" })|});
                }
                """,
                usingsWithout + """
                using Contoso.Sms;

                class C
                {
                    Task M(IJuheSmsClient client, string mobile) => client.SendPointsAsync(mobile, 7);
                }
                """);
        }

        [Fact]
        public async Task JSMS106_fix_is_not_offered_when_a_number_variable_is_not_a_constant()
        {
            string source = Code("""
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = ext })|});
                """);
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(source, source);
        }

        [Fact]
        public async Task JSMS106_fix_all_rewrites_every_send()
        {
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(
                Code("""
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5" })|}, ct);
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = "1234", ["minutes"] = "10" }) { Ext = "7" }|});
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = "100" })|}, ct);
                """),
                Code("""
                        await client.SendVerificationCodeAsync(mobile, code, 5, cancellationToken: ct);
                        await client.SendVerificationCodeAsync(mobile, "1234", 10, "7");
                        await client.SendPointsAsync(mobile, 100, cancellationToken: ct);
                """),
                test => test.NumberOfFixAllIterations = 1);
        }
    
        [Fact]
        public async Task JSMS106_fix_all_adds_the_using_once()
        {
            string usingsWithout = TestTemplates.Usings.Replace("using Contoso.Sms;\n", string.Empty).Replace("using Contoso.Sms;\r\n", string.Empty);
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(
                usingsWithout + """
                class C
                {
                    Task A(IJuheSmsClient client, string mobile) => client.SendAsync({|JSMS106:new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = "7" })|});
                    Task B(IJuheSmsClient client, string mobile) => client.SendAsync({|JSMS106:new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = "8" })|});
                }
                """,
                usingsWithout + """
                using Contoso.Sms;

                class C
                {
                    Task A(IJuheSmsClient client, string mobile) => client.SendPointsAsync(mobile, 7);
                    Task B(IJuheSmsClient client, string mobile) => client.SendPointsAsync(mobile, 8);
                }
                """,
                test => test.NumberOfFixAllIterations = 1);
        }

        [Fact]
        public async Task JSMS101_fix_all_cleans_every_literal()
        {
            await Verify.CodeFixAsync<RemoveUnsafeCharactersCodeFix>(
                Code("""
                        await client.SendVerificationCodeAsync(mobile, {|JSMS101:"#1234"|}, 5);
                        await client.SendOrderShippedAsync(mobile, {|JSMS101:"张\t三"|}, "AB1234", {|JSMS101:"SF【1】"|});
                """),
                Code("""
                        await client.SendVerificationCodeAsync(mobile, "1234", 5);
                        await client.SendOrderShippedAsync(mobile, "张三", "AB1234", "SF1");
                """));
        }

        [Fact]
        public async Task JSMS104_fix_all_adds_every_missing_variable()
        {
            await Verify.CodeFixAsync<AddMissingVariableCodeFix>(
                Code("""
                        var a = new SmsMessage(mobile, 123457, {|JSMS104:{|JSMS104:new Dictionary<string, string> { ["name"] = code }|}|});
                        var b = new SmsMessage(mobile, 123457, {|JSMS104:new Dictionary<string, string> { { "name", code }, { "order", "AB1234" } }|});
                        var c = new SmsMessage(mobile, 123456, {|JSMS104:{|JSMS104:new Dictionary<string, string> { }|}|});
                """),
                Code("""
                        var a = new SmsMessage(mobile, 123457, new Dictionary<string, string> { ["name"] = code, ["order"] = {|JSMS102:""|}, ["tracking"] = "" });
                        var b = new SmsMessage(mobile, 123457, new Dictionary<string, string> { { "name", code }, { "order", "AB1234" }, { "tracking", "" } });
                        var c = new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = {|JSMS102:""|}, ["minutes"] = {|JSMS102:""|} });
                """),
                test => test.NumberOfFixAllIterations = 1);
        }
    
        [Fact]
        public async Task JSMS106_fix_maps_named_and_reordered_arguments()
        {
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(
                Code("""
                        await client.SendAsync(cancellationToken: ct, message: {|JSMS106:new SmsMessage(variables: new Dictionary<string, string> { { "minutes", "15" }, { "code", code } }, tplId: 123456, mobile: mobile) { Kind = SmsTemplateKind.Verification, Ext = "9" }|});
                """),
                Code("""
                        await client.SendVerificationCodeAsync(mobile, code, 15, "9", ct);
                """));
        }
    }
}
