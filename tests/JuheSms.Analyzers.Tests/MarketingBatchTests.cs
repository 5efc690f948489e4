using System.Threading.Tasks;
using JuheSms.Analyzers.Tests.Infrastructure;
using JuheSms.Generators.CodeFixes;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>JSMS108: a marketing template sent to one number (rule 4 of the provider's page), and its fix for a loop.</summary>
    public class MarketingBatchTests
    {
        private static string Code(string body) => TestTemplates.Usings + """
            class C
            {
                async Task M(IJuheSmsClient client, string mobile, string[] mobiles, string name, CancellationToken ct)
                {

            """ + body + """

                }
            }
            """;

        [Fact]
        public async Task A_typed_marketing_send_is_flagged_at_the_call()
        {
            await Verify.AnalyzerAsync(Code("""
                        await {|JSMS108:client.SendPromotionAsync(mobile, name)|};
                        await {|JSMS108:client.SendPromotionAsync(mobile, name, cancellationToken: ct)|};
                """));
        }

        [Fact]
        public async Task A_raw_send_of_a_marketing_template_is_flagged_at_the_send()
        {
            await Verify.AnalyzerAsync(Code("""
                        await {|JSMS108:client.SendAsync({|JSMS106:new SmsMessage(mobile, 123470, new Dictionary<string, string> { ["name"] = name })|}, ct)|};
                """));
        }

        [Fact]
        public async Task Other_kinds_batches_and_messages_not_sent_at_once_are_not_flagged()
        {
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync(mobile, "1234", 5);
                        await client.SendManyAsync(mobiles, m => SmsTemplates.Promotion.CreateMessage(m, name));
                        var message = new SmsMessage(mobile, 123470, new Dictionary<string, string> { ["name"] = name });
                        await client.SendManyAsync(message, mobiles);
                """));
        }

        [Fact]
        public async Task The_warning_says_what_to_do_and_names_the_template()
        {
            await Verify.AnalyzerAsync(
                Code("""
                        await {|#0:client.SendPromotionAsync(mobile, name)|};
                """),
                Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("JSMS108").WithLocation(0)
                    .WithMessage("Marketing template 'Promotion' is sent to a single number: the provider's rule 4 wants marketing in batches (China Mobile: 20 or more numbers); send it with SendManyAsync"));
        }

        [Fact]
        public async Task The_fix_turns_a_loop_of_typed_sends_into_one_batch()
        {
            await Verify.CodeFixAsync<SendManyCodeFix>(
                Code("""
                        foreach (var m in mobiles)
                        {
                            await {|JSMS108:client.SendPromotionAsync(m, name, cancellationToken: ct)|};
                        }
                """),
                Code("""
                        await client.SendManyAsync(mobiles, m => SmsTemplates.Promotion.CreateMessage(m, name), cancellationToken: ct);
                """));
        }

        [Fact]
        public async Task The_fix_turns_a_loop_of_raw_sends_into_one_batch()
        {
            await Verify.CodeFixAsync<SendManyCodeFix>(
                Code("""
                        foreach (string m in mobiles)
                            await {|JSMS108:client.SendAsync({|JSMS106:new SmsMessage(m, 123470, new Dictionary<string, string> { ["name"] = name })|})|};
                """),
                Code("""
                        await client.SendManyAsync(mobiles, m => new SmsMessage(m, 123470, new Dictionary<string, string> { ["name"] = name }));
                """));
        }

        [Fact]
        public async Task No_fix_is_offered_for_a_single_send_or_a_loop_that_does_more()
        {
            string source = Code("""
                        await {|JSMS108:client.SendPromotionAsync(mobile, name)|};
                        foreach (var m in mobiles)
                        {
                            await {|JSMS108:client.SendPromotionAsync(m, name)|};
                            System.Console.WriteLine(m);
                        }
                        foreach (var m in mobiles)
                        {
                            await {|JSMS108:client.SendPromotionAsync(mobile, m)|};
                        }
                """);
            await Verify.CodeFixAsync<SendManyCodeFix>(source, source);
        }
    }
}
