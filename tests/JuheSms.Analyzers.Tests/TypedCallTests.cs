using System.Threading.Tasks;
using JuheSms.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>Constants passed to the generated typed methods (Send{Name}Async, Render, CreateMessage).</summary>
    public class TypedCallTests
    {
        private static string Code(string body) => TestTemplates.Usings + """
            class C
            {
                const string Hash = "#";
                const string BadCode = "12" + Hash + "4";

                async Task M(IJuheSmsClient client, string mobile, string code, int minutes, string ext, CancellationToken ct)
                {

            """ + body + """

                }
            }
            """;

        [Fact]
        public async Task Good_constants_are_clean()
        {
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync("13800138000", "1234", 5);
                        await client.SendVerificationCodeAsync("+86 138-0013-8000", "12345678", 99, "01", ct);
                        await client.SendVerificationCodeAsync(mobile: "8613800138000", code: "0000", minutes: 0, ext: null, cancellationToken: ct);
                        await client.SendOrderShippedAsync("13800138000", "张三", "AB1234", "SF123456789");
                        await client.SendPointsAsync("13800138000", 123456789012L);
                """));
        }

        [Fact]
        public async Task Non_constant_values_are_never_flagged()
        {
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync(mobile, code, minutes, ext, ct);
                        await client.SendVerificationCodeAsync(mobile + "", code + "#", minutes * 1000, ext + "x");
                        await client.SendOrderShippedAsync(mobile, code, code.ToUpperInvariant(), $"{code}#");
                """));
        }

        [Fact]
        public async Task Unsafe_characters_in_a_constant_are_JSMS101()
        {
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync("13800138000", {|JSMS101:"12#4"|}, 5);
                        await client.SendOrderShippedAsync("13800138000", {|JSMS101:"【张三】"|}, "AB1234", {|JSMS101:"SF1\n"|});
                        await client.SendOrderShippedAsync("13800138000", {|JSMS101:"a\r"|}, "AB1234", {|JSMS101:"x\u0007"|});
                        await client.SendVerificationCodeAsync("13800138000", {|JSMS101:BadCode|}, 5);
                        await client.SendVerificationCodeAsync("13800138000", code: {|JSMS101:$"12{Hash}4"|}, minutes: 5);
                        await client.SendVerificationCodeAsync("13800138000", {|JSMS101:"1" + "】"|}, 5);
                """));
        }

        [Fact]
        public async Task JSMS101_names_the_variable_and_the_character()
        {
            await Verify.AnalyzerAsync(
                Code("""
                        await client.SendOrderShippedAsync("13800138000", "张三", "AB1234", {|#0:"SF1\n"|});
                """),
                new DiagnosticResult("JSMS101", DiagnosticSeverity.Error)
                    .WithLocation(0)
                    .WithArguments("tracking", "U+000A (line feed)"));
        }

        [Fact]
        public async Task Pattern_maxLength_and_range_violations_are_JSMS102()
        {
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync("13800138000", {|JSMS102:"12ab"|}, 5);
                        await client.SendVerificationCodeAsync("13800138000", {|JSMS102:"123456789"|}, 5);
                        await client.SendVerificationCodeAsync("13800138000", "1234", {|JSMS102:100|});
                        await client.SendVerificationCodeAsync("13800138000", "1234", {|JSMS102:-10|});
                        await client.SendOrderShippedAsync("13800138000", {|JSMS102:"一二三四五六七八九十一"|}, "AB1234", "SF1");
                        await client.SendOrderShippedAsync("13800138000", "张三", {|JSMS102:"ab1234"|}, "SF1");
                        await client.SendPointsAsync("13800138000", {|JSMS102:1234567890123|});
                        await client.SendPointsAsync("13800138000", {|JSMS102:(long)int.MaxValue * 1000|});
                """));
        }

        [Fact]
        public async Task JSMS102_says_which_rule()
        {
            await Verify.AnalyzerAsync(
                Code("""
                        await client.SendVerificationCodeAsync("13800138000", {|#0:"12ab"|}, {|#1:100|});
                """),
                new DiagnosticResult("JSMS102", DiagnosticSeverity.Error).WithLocation(0)
                    .WithMessage("The value \"12ab\" of variable 'code' of template 'VerificationCode' does not match its pattern ^[0-9]{4,8}$"),
                new DiagnosticResult("JSMS102", DiagnosticSeverity.Error).WithLocation(1)
                    .WithMessage("The value 100 of variable 'minutes' of template 'VerificationCode' is 3 characters long, more than its maxLength 2"));
        }

        [Fact]
        public async Task A_constant_mobile_that_is_not_mainland_is_JSMS103()
        {
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync({|JSMS103:"12345"|}, "1234", 5);
                        await client.SendVerificationCodeAsync({|JSMS103:"+1 415 555 0100"|}, "1234", 5);
                        await client.SendVerificationCodeAsync({|JSMS103:"12800138000"|}, "1234", 5);
                        await client.SendVerificationCodeAsync(mobile: {|JSMS103:""|}, code: "1234", minutes: 5);
                """));
        }

        [Fact]
        public async Task A_constant_ext_that_is_not_1_to_9_digits_is_JSMS107()
        {
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync("13800138000", "1234", 5, {|JSMS107:"12a"|});
                        await client.SendVerificationCodeAsync("13800138000", "1234", 5, {|JSMS107:"1234567890"|}, ct);
                        await client.SendVerificationCodeAsync("13800138000", "1234", 5, ext: {|JSMS107:""|});
                        await client.SendVerificationCodeAsync("13800138000", "1234", 5, "123456789");
                """));
        }

        [Fact]
        public async Task Render_and_CreateMessage_are_checked_too()
        {
            await Verify.AnalyzerAsync(Code("""
                        SmsTemplates.VerificationCode.Render({|JSMS101:"1#"|}, {|JSMS102:123|});
                        SmsMessage message = SmsTemplates.VerificationCode.CreateMessage({|JSMS103:"1"|}, "1234", 5, {|JSMS107:"x"|});
                        SmsTemplates.OrderShipped.Render("张三", "AB1234", "SF1");
                        await client.SendAsync(message, ct);
                """));
        }

        [Fact]
        public async Task A_typed_call_written_in_a_generated_file_is_still_checked()
        {
            await Verify.AnalyzerAsync(TestTemplates.Usings + """
                // <auto-generated/>
                class Generated
                {
                    Task M(IJuheSmsClient client) => client.SendVerificationCodeAsync("13800138000", {|JSMS101:"1#"|}, 5);
                }
                """);
        }
    }
}
