using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace JuheSms.Tests.Idempotency
{
    /// <summary>Rule 4 of the provider's page at run time: marketing not singly; China Mobile 20 or more per batch.</summary>
    public class MarketingBatchRuleTests
    {
        private const int RuleEvent = 33;

        [Fact]
        public async Task A_single_marketing_send_goes_out_and_is_reported_by_default()
        {
            var harness = new IdempotencyHarness();

            await harness.Client.SendAsync(IdempotencyHarness.Message(null, kind: SmsTemplateKind.Marketing));

            Assert.Equal(1, harness.Sandbox.Requests);
            CapturedLogAssert(harness, "on its own");
        }

        [Fact]
        public async Task A_single_marketing_send_is_refused_when_the_option_says_so_and_its_key_is_freed()
        {
            var harness = new IdempotencyHarness(configure: o => o.MarketingBatchRule = SmsMarketingBatchRule.Refuse);

            var ex = await Assert.ThrowsAsync<SmsMarketingBatchException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("promo", kind: SmsTemplateKind.Marketing)));

            Assert.True(ex.IsSingleSend);
            Assert.Equal(1, ex.ChinaMobileNumbers); // 138: China Mobile
            Assert.Contains("SendManyAsync", ex.Message);
            Assert.Contains("Nothing was sent", ex.Message);
            Assert.Equal(0, harness.Sandbox.Requests);
            Assert.Equal(SmsIdempotencyStatus.Started, (await harness.Store!.TryBeginAsync("promo", TimeSpan.FromSeconds(1))).Status);
        }

        [Fact]
        public async Task Non_marketing_sends_and_the_Off_setting_are_never_reported()
        {
            var harness = new IdempotencyHarness();
            var off = new IdempotencyHarness(configure: o => o.MarketingBatchRule = SmsMarketingBatchRule.Off);

            await harness.Client.SendAsync(IdempotencyHarness.Message(null, kind: SmsTemplateKind.Notification));
            await off.Client.SendAsync(IdempotencyHarness.Message(null, kind: SmsTemplateKind.Marketing));

            Assert.Empty(harness.Events(RuleEvent));
            Assert.Empty(off.Events(RuleEvent));
        }

        [Fact]
        public async Task A_marketing_batch_with_19_China_Mobile_numbers_is_reported_once_and_sent()
        {
            var harness = new IdempotencyHarness();

            IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(CampaignTests.Template(SmsTemplateKind.Marketing), Numbers(chinaMobile: 19, unicom: 30));

            Assert.All(results, r => Assert.True(r.Succeeded));
            CapturedLogAssert(harness, "19 China Mobile numbers");
        }

        [Fact]
        public async Task A_marketing_batch_with_19_China_Mobile_numbers_is_refused_per_number_when_the_option_says_so()
        {
            var harness = new IdempotencyHarness(configure: o => o.MarketingBatchRule = SmsMarketingBatchRule.Refuse);

            IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(CampaignTests.Template(SmsTemplateKind.Marketing), Numbers(chinaMobile: 19, unicom: 5));

            Assert.All(results, r => Assert.IsType<SmsMarketingBatchException>(r.Error));
            Assert.Equal(19, ((SmsMarketingBatchException)results[0].Error!).ChinaMobileNumbers);
            Assert.False(((SmsMarketingBatchException)results[0].Error!).IsSingleSend);
            Assert.Equal(0, harness.Sandbox.Requests);
            Assert.Single(harness.Events(RuleEvent));
        }

        [Theory]
        [InlineData(20, 0)]
        [InlineData(25, 10)]
        [InlineData(0, 2)] // China Unicom and China Telecom set no minimum
        public async Task A_marketing_batch_with_20_or_more_or_no_China_Mobile_numbers_is_fine(int chinaMobile, int unicom)
        {
            var harness = new IdempotencyHarness(configure: o => o.MarketingBatchRule = SmsMarketingBatchRule.Refuse);

            IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(CampaignTests.Template(SmsTemplateKind.Marketing), Numbers(chinaMobile, unicom));

            Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.Empty(harness.Events(RuleEvent));
        }

        [Fact]
        public async Task A_marketing_batch_of_one_number_is_a_single_send()
        {
            var harness = new IdempotencyHarness(configure: o => o.MarketingBatchRule = SmsMarketingBatchRule.Refuse);

            IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(CampaignTests.Template(SmsTemplateKind.Marketing), new[] { "18600186000" });

            Assert.True(Assert.IsType<SmsMarketingBatchException>(results[0].Error).IsSingleSend);
        }

        [Theory]
        [InlineData(19, true)]
        [InlineData(20, false)]
        public async Task The_streaming_form_counts_China_Mobile_numbers_before_its_first_send(int chinaMobile, bool refused)
        {
            var harness = new IdempotencyHarness(configure: o => o.MarketingBatchRule = SmsMarketingBatchRule.Refuse);
            var results = new List<SmsBatchItemResult>();

            await foreach (SmsBatchItemResult result in harness.Client.SendManyAsync(CampaignTests.Template(SmsTemplateKind.Marketing), CampaignTests.Stream(Numbers(chinaMobile, unicom: 40))))
            {
                results.Add(result);
            }

            Assert.Equal(chinaMobile + 40, results.Count);
            Assert.All(results, r => Assert.Equal(refused, r.Error is SmsMarketingBatchException));
            Assert.Equal(refused ? 0 : chinaMobile + 40, harness.Sandbox.Requests);
        }

        private static void CapturedLogAssert(IdempotencyHarness harness, string expected)
        {
            Fakes.CapturedLog log = Assert.Single(harness.Events(RuleEvent));
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, log.Level);
            Assert.Contains(expected, log.Message);
            Assert.Contains("rule 4", log.Message);
        }

        // China Mobile 138..., China Unicom 186...: distinct numbers, China Mobile first.
        private static string[] Numbers(int chinaMobile, int unicom)
            => Enumerable.Range(0, chinaMobile).Select(i => "138" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture))
                .Concat(Enumerable.Range(0, unicom).Select(i => "186" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)))
                .ToArray();
    }
}
