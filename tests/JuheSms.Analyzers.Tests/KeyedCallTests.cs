using System.Threading.Tasks;
using JuheSms.Analyzers.Tests.Infrastructure;
using JuheSms.Generators.CodeFixes;
using Xunit;

namespace JuheSms.Analyzers.Tests
{
    /// <summary>
    /// The keyed send methods, <c>Send{Name}Async(mobile, variables..., ext, idempotencyKey, cancellationToken)</c>
    /// (issue 13), at call sites: the key is not a template variable, and the fixes keep it or step aside.
    /// </summary>
    public class KeyedCallTests
    {
        private static string Code(string body) => TestTemplates.Usings + """
            class C
            {
                async Task M(IJuheSmsClient client, string mobile, string[] mobiles, string code, string name, string ext, string key, CancellationToken ct)
                {

            """ + body + """

                }
            }
            """;

        [Fact]
        public async Task The_values_of_a_keyed_call_are_checked_and_the_key_is_not_a_variable()
        {
            // "order#1" and "【key】" would be JSMS101 in a variable; "12ab" breaks code's pattern only where it is code.
            await Verify.AnalyzerAsync(Code("""
                        await client.SendVerificationCodeAsync("13800138000", "1234", 5, null, "order#1");
                        await client.SendVerificationCodeAsync("13800138000", "1234", 5, "01", "12ab", ct);
                        await client.SendVerificationCodeAsync({|JSMS103:"12345"|}, {|JSMS101:"12#4"|}, 5, {|JSMS107:"x1"|}, key, ct);
                        await client.SendVerificationCodeAsync("13800138000", code: {|JSMS102:"12ab"|}, minutes: {|JSMS102:100|}, ext: null, idempotencyKey: "【key】");
                        await client.SendOrderShippedAsync("13800138000", {|JSMS101:"【张三】"|}, "AB1234", "SF1", ext, key);
                """));
        }

        [Fact]
        public async Task A_keyed_marketing_send_is_JSMS108_too()
        {
            await Verify.AnalyzerAsync(Code("""
                        await {|JSMS108:client.SendPromotionAsync(mobile, name, null, "spring:" + mobile)|};
                        await {|JSMS108:client.SendPromotionAsync(mobile, name, ext: null, idempotencyKey: key, cancellationToken: ct)|};
                """));
        }

        /// <summary>
        /// A loop of keyed sends has its own key per number; a batch keys each number <c>{BatchId}:{mobile}</c>, so the rewrite
        /// would change the keys (a campaign run again after it would send the numbers already sent): no fix.
        /// </summary>
        [Fact]
        public async Task JSMS108_fix_is_not_offered_for_a_loop_of_keyed_sends()
        {
            string source = Code("""
                        foreach (var m in mobiles)
                        {
                            await {|JSMS108:client.SendPromotionAsync(m, name, null, "spring:" + m, ct)|};
                        }
                        foreach (var m in mobiles)
                        {
                            await {|JSMS108:client.SendPromotionAsync(m, name, ext: null, idempotencyKey: key)|};
                        }
                """);
            await Verify.CodeFixAsync<SendManyCodeFix>(source, source);
        }

        [Fact]
        public async Task JSMS108_fix_keeps_the_key_of_a_raw_message_in_the_batch()
        {
            await Verify.CodeFixAsync<SendManyCodeFix>(
                Code("""
                        foreach (string m in mobiles)
                            await {|JSMS108:client.SendAsync({|JSMS106:new SmsMessage(m, 123470, new Dictionary<string, string> { ["name"] = name }) { IdempotencyKey = "spring:" + m }|}, ct)|};
                """),
                Code("""
                        await client.SendManyAsync(mobiles, m => new SmsMessage(m, 123470, new Dictionary<string, string> { ["name"] = name }) { IdempotencyKey = "spring:" + m }, cancellationToken: ct);
                """));
        }

        [Fact]
        public async Task JSMS106_fix_turns_a_raw_message_with_a_key_into_the_keyed_call()
        {
            await Verify.CodeFixAsync<UseTypedMethodCodeFix>(
                Code("""
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["minutes"] = "5", ["code"] = code }) { IdempotencyKey = key, Ext = ext }|}, ct);
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123456, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5" }) { IdempotencyKey = "login:" + mobile }|}, ct);
                        await client.SendAsync({|JSMS106:new SmsMessage(mobile, 123460, new Dictionary<string, string> { ["balance"] = "7" }) { Kind = SmsTemplateKind.Notification, IdempotencyKey = key }|});
                """),
                Code("""
                        await client.SendVerificationCodeAsync(mobile, code, 5, ext, key, ct);
                        await client.SendVerificationCodeAsync(mobile, code, 5, null, "login:" + mobile, ct);
                        await client.SendPointsAsync(mobile, 7, null, key);
                """),
                test => test.NumberOfFixAllIterations = 1);
        }
    }
}
