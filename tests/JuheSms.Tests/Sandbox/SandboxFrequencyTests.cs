using System;
using System.Threading.Tasks;
using JuheSms.Testing;
using Xunit;

namespace JuheSms.Tests.Sandbox
{
    /// <summary>
    /// The carriers' limits for one number and one signature (page, rule 2): 1 per minute, 3 per 10 minutes, 4 per hour,
    /// 20 per day, as sliding windows on the sandbox's clock. Each edge is probed one millisecond before and at the edge.
    /// </summary>
    public class SandboxFrequencyTests
    {
        private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

        [Fact]
        public async Task One_per_minute()
        {
            using var harness = new SandboxHarness();
            (await harness.SendCodeAsync()).AssertAccepted();

            (await harness.SendCodeAsync()).AssertRefused(205405);
            harness.Time.Advance(TimeSpan.FromMinutes(1) - Tick);
            Answer refused = await harness.SendCodeAsync();
            refused.AssertRefused(205405);
            Assert.Equal("号码异常/同一号码发送次数过于频繁", refused.Reason);

            harness.Time.Advance(Tick);
            (await harness.SendCodeAsync()).AssertAccepted();
            Assert.Equal(2, harness.Sandbox.Sent.Count);
        }

        [Fact]
        public async Task Three_per_ten_minutes_then_four_per_hour()
        {
            using var harness = new SandboxHarness();
            DateTimeOffset start = harness.Time.GetUtcNow();

            await AcceptedAt(harness, start, TimeSpan.Zero);
            await AcceptedAt(harness, start, TimeSpan.FromMinutes(1));
            await AcceptedAt(harness, start, TimeSpan.FromMinutes(2));
            await RefusedAt(harness, start, TimeSpan.FromMinutes(3));                 // 4th within 10 minutes
            await RefusedAt(harness, start, TimeSpan.FromMinutes(10) - Tick);
            await AcceptedAt(harness, start, TimeSpan.FromMinutes(10));               // the first left the 10-minute window: 4th in the hour
            await RefusedAt(harness, start, TimeSpan.FromMinutes(20));                // 5th within the hour (1 in the last 10 minutes)
            await RefusedAt(harness, start, TimeSpan.FromMinutes(60) - Tick);
            await AcceptedAt(harness, start, TimeSpan.FromMinutes(60));               // the first left the hour

            Assert.Equal(5, harness.Sandbox.Sent.Count);
        }

        [Fact]
        public async Task Twenty_per_day()
        {
            using var harness = new SandboxHarness();
            DateTimeOffset start = harness.Time.GetUtcNow();

            // Every 15 minutes stays within the minute, 10-minute and hour limits (exactly 4 per hour).
            for (int i = 0; i < 20; i++)
            {
                await AcceptedAt(harness, start, TimeSpan.FromMinutes(15 * i));
            }

            await RefusedAt(harness, start, TimeSpan.FromMinutes(15 * 20));           // the hour has 3: only the day refuses
            await RefusedAt(harness, start, TimeSpan.FromHours(12));
            await RefusedAt(harness, start, TimeSpan.FromDays(1) - Tick);
            await AcceptedAt(harness, start, TimeSpan.FromDays(1));                   // the first left the 24 hours
            await RefusedAt(harness, start, TimeSpan.FromDays(1) + TimeSpan.FromMinutes(14));

            Assert.Equal(21, harness.Sandbox.Sent.Count);
        }

        [Fact]
        public async Task A_refused_send_does_not_count()
        {
            using var harness = new SandboxHarness();
            DateTimeOffset start = harness.Time.GetUtcNow();
            await AcceptedAt(harness, start, TimeSpan.Zero);

            for (int second = 10; second < 60; second += 10)
            {
                await RefusedAt(harness, start, TimeSpan.FromSeconds(second));
            }

            // Had the refusals counted, the one at 50 s would still be in the minute's window.
            await AcceptedAt(harness, start, TimeSpan.FromMinutes(1));
            // And 3 in 10 minutes: the two accepted + one more is still fine.
            await AcceptedAt(harness, start, TimeSpan.FromMinutes(2));
        }

        [Fact]
        public async Task Invalid_requests_do_not_count()
        {
            using var harness = new SandboxHarness();
            Answer missingVariable = await harness.PostAsync(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "1"));
            missingVariable.AssertRefused(205404);

            (await harness.SendCodeAsync()).AssertAccepted();
        }

        [Fact]
        public async Task Different_numbers_are_independent()
        {
            using var harness = new SandboxHarness();

            (await harness.SendCodeAsync(SandboxHarness.Mobile)).AssertAccepted();
            (await harness.SendCodeAsync(SandboxHarness.OtherMobile)).AssertAccepted();
            (await harness.SendCodeAsync(SandboxHarness.Mobile)).AssertRefused(205405);
            (await harness.SendCodeAsync(SandboxHarness.OtherMobile)).AssertRefused(205405);
        }

        [Fact]
        public async Task Spellings_of_one_number_share_its_limits()
        {
            using var harness = new SandboxHarness();

            (await harness.SendCodeAsync("13800138000")).AssertAccepted();
            (await harness.SendCodeAsync("+86 138 0013 8000")).AssertRefused(205405);
            (await harness.SendCodeAsync("008613800138000")).AssertRefused(205405);
        }

        [Fact]
        public async Task Different_signatures_are_independent()
        {
            using var harness = new SandboxHarness();

            (await harness.SendCodeAsync()).AssertAccepted(); // 【Sandbox】
            (await harness.PostAsync(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "2"), ("vars", "{\"name\":\"a\",\"order\":\"b\"}")))
                .AssertAccepted(); // 【聚合数据】
            (await harness.SendCodeAsync()).AssertRefused(205405);
        }

        [Fact]
        public async Task Limits_can_be_turned_off()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.EnforceFrequencyLimits = false;

            for (int i = 0; i < 25; i++)
            {
                (await harness.SendCodeAsync()).AssertAccepted();
            }

            harness.Sandbox.EnforceFrequencyLimits = true;
            (await harness.SendCodeAsync()).AssertRefused(205405);
        }

        private static async Task AcceptedAt(SandboxHarness harness, DateTimeOffset start, TimeSpan offset)
        {
            harness.Time.SetUtcNow(start + offset);
            Answer answer = await harness.SendCodeAsync();
            Assert.True(answer.ErrorCode == 0, $"expected acceptance at +{offset}, got {answer.ErrorCode} ({answer.Reason})");
        }

        private static async Task RefusedAt(SandboxHarness harness, DateTimeOffset start, TimeSpan offset)
        {
            harness.Time.SetUtcNow(start + offset);
            Answer answer = await harness.SendCodeAsync();
            Assert.True(answer.ErrorCode == 205405, $"expected 205405 at +{offset}, got {answer.ErrorCode} ({answer.Reason})");
        }
    }
}
