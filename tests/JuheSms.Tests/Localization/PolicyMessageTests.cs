using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Tests.Policy;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Localization
{
    /// <summary>The sending policy's refusals (throttling, marketing hours, guard failures) and the limits' descriptions in both languages.</summary>
    public class PolicyMessageTests
    {
        [Theory]
        [InlineData("en", "SMS to 138****8000 not sent: the limit of 1 per minute for this number would be exceeded; it reopens at 2026-11-25 04:01:00Z (in 60 s). Nothing was sent.")]
        [InlineData("zh-Hans", "发往 138****8000 的短信未发送：再发一条就会超过该号码“每分钟 1 条”的频率限制；2026-11-25 04:01:00Z（60 秒后）恢复。本次没有发送任何短信。")]
        public async Task Throttled(string culture, string expected)
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var harness = new PolicyHarness(new InMemorySmsSendGuard(null, time), time: time);
            await harness.Client.SendAsync(PolicyHarness.Message());

            using (UiCulture.Set(culture))
            {
                var ex = await Assert.ThrowsAsync<SmsThrottledException>(() => harness.Client.SendAsync(PolicyHarness.Message()));
                Assert.Equal(expected, ex.Message);

                // The limit's Description is also a telemetry tag and a log value: English in every culture.
                Assert.Equal("1 per minute", ex.Limit.Description);
            }
        }

        [Theory]
        [InlineData("en", "Marketing SMS may only be sent from 08:30 to 21:30 China time (UTC+8), per the provider's rules; it is 23:00:00 there now. Nothing was sent; send from 2026-11-26 08:30 +08:00 on.")]
        [InlineData("zh-Hans", "按聚合数据的规定，营销短信只能在北京时间（UTC+8）08:30 至 21:30 之间发送，现在是北京时间 23:00:00。本次没有发送，请在 2026-11-26 08:30 +08:00 之后再发。")]
        public async Task Outside_the_marketing_hours(string culture, string expected)
        {
            // 2026-11-25 23:00 China time.
            var harness = new PolicyHarness(time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero)));

            using (UiCulture.Set(culture))
            {
                var ex = await Assert.ThrowsAsync<SmsMarketingHoursException>(() => harness.Client.SendAsync(PolicyHarness.Message(kind: SmsTemplateKind.Marketing)));
                Assert.Equal(expected, ex.Message);
            }
        }

        [Theory]
        [InlineData("en", "The SMS send guard failed, so the frequency limits could not be checked; nothing was sent: store down")]
        [InlineData("zh-Hans", "短信发送频率守卫出错，无法检查频率限制，本次没有发送：store down")]
        public async Task A_guard_that_fails(string culture, string expected)
        {
            var harness = new PolicyHarness(new FailingGuard());

            using (UiCulture.Set(culture))
            {
                var ex = await Assert.ThrowsAsync<SmsGuardUnavailableException>(() => harness.Client.SendAsync(PolicyHarness.Message()));
                Assert.Equal(expected, ex.Message);
                Assert.Equal(0, harness.Sandbox.Requests);
            }
        }

        [Theory]
        [InlineData("en", "The message factory returned null for this number.")]
        [InlineData("zh-Hans", "消息工厂为这个号码返回了 null。")]
        public async Task A_batch_whose_factory_returns_null(string culture, string expected)
        {
            var harness = new PolicyHarness();

            using (UiCulture.Set(culture))
            {
                IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(new[] { PolicyHarness.Mobile }, _ => null!);
                var error = Assert.IsAssignableFrom<ArgumentException>(results.Single().Error);
                Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData(1, 60_000, "1 per minute", "每分钟 1 条")]
        [InlineData(3, 600_000, "3 per 10 minutes", "每 10 分钟 3 条")]
        [InlineData(4, 3_600_000, "4 per hour", "每小时 4 条")]
        [InlineData(2, 10_800_000, "2 per 3 hours", "每 3 小时 2 条")]
        [InlineData(20, 86_400_000, "20 per day", "每天 20 条")]
        [InlineData(5, 172_800_000, "5 per 2 days", "每 2 天 5 条")]
        [InlineData(1, 1_000, "1 per 1 second", "每 1 秒 1 条")]
        [InlineData(1, 30_000, "1 per 30 seconds", "每 30 秒 1 条")]
        [InlineData(1, 1, "1 per 1 millisecond", "每 1 毫秒 1 条")]
        [InlineData(2, 1_500, "2 per 1500 milliseconds", "每 1500 毫秒 2 条")]
        public void A_limit_describes_itself_in_English_for_tags_and_in_the_UI_language_for_messages(int sends, int windowMs, string english, string chinese)
        {
            var limit = new SmsSendLimit(sends, TimeSpan.FromMilliseconds(windowMs));
            using (UiCulture.Set("zh-Hans"))
            {
                Assert.Equal(english, limit.Description);
                Assert.Equal(english, limit.ToString());
                Assert.Equal(chinese, limit.Describe(CultureInfo.CurrentUICulture));
            }

            Assert.Equal(english, limit.Describe(CultureInfo.GetCultureInfo("en")));
        }

        private sealed class FailingGuard : ISmsSendGuard
        {
            public Task<SmsGuardDecision> TryReserveAsync(string signature, string mobile, CancellationToken cancellationToken = default)
                => throw new InvalidOperationException("store down");

            public Task ReleaseAsync(SmsSendReservation reservation, CancellationToken cancellationToken = default) => Task.CompletedTask;
        }
    }
}
