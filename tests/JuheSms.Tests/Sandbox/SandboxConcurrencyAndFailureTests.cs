using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Testing;
using Xunit;

namespace JuheSms.Tests.Sandbox
{
    public class SandboxConcurrencyAndFailureTests
    {
        [Fact]
        public async Task Concurrent_sends_to_one_number_at_one_instant_accept_exactly_one()
        {
            using var harness = new SandboxHarness();

            Answer[] answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => harness.SendCodeAsync())));

            Assert.Equal(1, answers.Count(a => a.ErrorCode == 0));
            Assert.Equal(63, answers.Count(a => a.ErrorCode == 205405));
            Assert.Single(harness.Sandbox.Sent);
            Assert.Equal(64, harness.Sandbox.Requests);
        }

        [Fact]
        public void Threads_released_together_on_one_number_get_exactly_one_acceptance()
        {
            using var harness = new SandboxHarness();
            const int threads = 16;
            using var ready = new CountdownEvent(threads);
            using var go = new ManualResetEventSlim(false);
            var codes = new int[threads];

            // Real threads, not pool tasks, released at once: the check of the limits and the record must be one step.
            Thread[] workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
            {
                ready.Signal();
                go.Wait();
                codes[i] = harness.SendCodeSync();
            })).ToArray();
            foreach (Thread worker in workers)
            {
                worker.Start();
            }

            ready.Wait();
            go.Set();
            foreach (Thread worker in workers)
            {
                worker.Join();
            }

            Assert.Equal(1, codes.Count(c => c == 0));
            Assert.Equal(threads - 1, codes.Count(c => c == 205405));
            Assert.Single(harness.Sandbox.Sent);
        }

        [Fact]
        public async Task Concurrent_sends_to_different_numbers_are_all_recorded()
        {
            using var harness = new SandboxHarness();
            string[] mobiles = Enumerable.Range(0, 64).Select(i => "138" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            Answer[] answers = await Task.WhenAll(mobiles.Select(m => Task.Run(() => harness.SendCodeAsync(m))));

            Assert.All(answers, a => a.AssertAccepted());
            Assert.Equal(mobiles.OrderBy(m => m, StringComparer.Ordinal), harness.Sandbox.Sent.Select(s => s.Mobile).OrderBy(m => m, StringComparer.Ordinal));
            Assert.Equal(64, harness.Sandbox.Sent.Select(s => s.Sid).Distinct().Count());
        }

        [Theory]
        [InlineData(205409, "系统繁忙,请稍后重试")]
        [InlineData(10001, "错误的请求KEY")]
        [InlineData(10012, "请求超过次数限制")]
        [InlineData(205403, "网络错误,请重试")]
        public async Task FailNext_answers_the_code_with_the_pages_reason_once(int code, string reason)
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.FailNext(code);

            Answer failed = await harness.SendCodeAsync();

            failed.AssertRefused(code);
            Assert.Equal(reason, failed.Reason);
            Assert.Empty(harness.Sandbox.Sent);
            // Not counted against the limits, and used up: the same send at the same instant is accepted.
            (await harness.SendCodeAsync()).AssertAccepted();
        }

        [Fact]
        public async Task FailNext_takes_a_reason_and_queues_in_order()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.FailNext(205404, "发送失败，模板已停用");
            harness.Sandbox.FailNext(205409);

            Answer first = await harness.SendCodeAsync();
            Answer second = await harness.SendCodeAsync();
            Answer third = await harness.SendCodeAsync();

            first.AssertRefused(205404);
            Assert.Equal("发送失败，模板已停用", first.Reason);
            second.AssertRefused(205409);
            third.AssertAccepted();
        }

        [Fact]
        public async Task FailNext_applies_even_to_a_request_that_would_be_refused_otherwise()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.FailNext(205409);

            (await harness.PostAsync(("key", "wrong"))).AssertRefused(205409);
            (await harness.PostAsync(("key", "wrong"))).AssertRefused(10001);
        }

        [Fact]
        public async Task Reset_drops_queued_failures()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.FailNext(205409);
            harness.Sandbox.Reset();

            (await harness.SendCodeAsync()).AssertAccepted();
        }

        [Fact]
        public void FailNext_refuses_the_success_code()
        {
            using var sandbox = new JuheSmsSandbox();
            Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.FailNext(0));
        }
    }
}
