using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Policy
{
    /// <summary>Marketing only 08:30–21:30 China time (page, rule 3), both ends inclusive to the minute.</summary>
    public class MarketingHoursTests
    {
        [Theory]
        [InlineData(8, 30, 0)]
        [InlineData(12, 0, 0)]
        [InlineData(21, 29, 0)]
        [InlineData(21, 29, 59)]
        [InlineData(21, 30, 0)]
        [InlineData(21, 30, 59)]
        public async Task A_marketing_send_inside_the_hours_goes(int hour, int minute, int second)
        {
            var harness = new PolicyHarness(time: new FakeTimeProvider(ChinaTime(hour, minute, second)));

            await harness.Client.SendAsync(PolicyHarness.Message(kind: SmsTemplateKind.Marketing));

            Assert.Single(harness.Sandbox.Sent);
        }

        [Theory]
        [InlineData(21, 31, 0, 1)]
        [InlineData(23, 59, 59, 1)]
        [InlineData(0, 0, 0, 0)]
        [InlineData(8, 29, 59, 0)]
        public async Task A_marketing_send_outside_the_hours_is_refused_without_network(int hour, int minute, int second, int daysToNextStart)
        {
            DateTimeOffset now = ChinaTime(hour, minute, second);
            var guard = new RecordingGuard();
            var harness = new PolicyHarness(guard, time: new FakeTimeProvider(now));

            var ex = await Assert.ThrowsAsync<SmsMarketingHoursException>(() => harness.Client.SendAsync(PolicyHarness.Message(kind: SmsTemplateKind.Marketing)));

            Assert.Equal(0, harness.Sandbox.Requests);
            Assert.Empty(guard.Reserved); // refused before a slot is taken
            Assert.Equal(TimeSpan.FromHours(8), ex.AttemptedAt.Offset);
            Assert.Equal(new TimeSpan(hour, minute, second), ex.AttemptedAt.TimeOfDay);
            var china = now.ToOffset(TimeSpan.FromHours(8));
            Assert.Equal(new DateTimeOffset(china.Year, china.Month, china.Day, 8, 30, 0, TimeSpan.FromHours(8)).AddDays(daysToNextStart), ex.NextAllowedAt);
            Assert.Contains("08:30", ex.Message);
            Assert.Contains("21:30", ex.Message);
        }

        [Theory]
        [InlineData(SmsTemplateKind.Verification)]
        [InlineData(SmsTemplateKind.Notification)]
        [InlineData(SmsTemplateKind.Unspecified)]
        public async Task Other_kinds_go_at_night(SmsTemplateKind kind)
        {
            var harness = new PolicyHarness(time: new FakeTimeProvider(ChinaTime(23, 0, 0)));

            await harness.Client.SendAsync(PolicyHarness.Message(kind: kind));

            Assert.Single(harness.Sandbox.Sent);
        }

        [Fact]
        public async Task The_check_can_be_turned_off()
        {
            var harness = new PolicyHarness(configure: o => o.EnforceMarketingHours = false, time: new FakeTimeProvider(ChinaTime(23, 0, 0)));

            await harness.Client.SendAsync(PolicyHarness.Message(kind: SmsTemplateKind.Marketing));

            Assert.Single(harness.Sandbox.Sent);
        }

        [Fact]
        public async Task The_hours_are_China_time_whatever_the_offset_of_the_clock()
        {
            // 21:31 in Beijing is 13:31 UTC and 14:31 in Paris (winter): still refused.
            var paris = new DateTimeOffset(2026, 11, 25, 14, 31, 0, TimeSpan.FromHours(1));
            var harness = new PolicyHarness(time: new FakeTimeProvider(paris));

            await Assert.ThrowsAsync<SmsMarketingHoursException>(() => harness.Client.SendAsync(PolicyHarness.Message(kind: SmsTemplateKind.Marketing)));
        }

        private static DateTimeOffset ChinaTime(int hour, int minute, int second)
            => new DateTimeOffset(2026, 11, 25, hour, minute, second, TimeSpan.FromHours(8)).ToUniversalTime();
    }
}
