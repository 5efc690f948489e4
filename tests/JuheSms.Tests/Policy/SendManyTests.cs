using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Policy
{
    public class SendManyTests
    {
        [Fact]
        public async Task Every_number_gets_a_result_in_input_order_with_sid_or_error()
        {
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var harness = new PolicyHarness(new InMemorySmsSendGuard(null, time), time: time);
            string[] mobiles = { "13800138000", "bad-number", "13900139000", "13800138000", "13700137000" };
            var reports = new ConcurrentQueue<SmsBatchProgress>();

            IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(
                PolicyHarness.Message(), mobiles, new SmsBatchOptions { MaxConcurrency = 1 }, new SyncProgress<SmsBatchProgress>(reports.Enqueue));

            Assert.Equal(mobiles, results.Select(r => r.Mobile));
            Assert.Equal(Enumerable.Range(0, mobiles.Length), results.Select(r => r.Index));
            Assert.True(results[0].Succeeded);
            Assert.False(string.IsNullOrEmpty(results[0].Sid));
            Assert.Equal("mobile", Assert.IsAssignableFrom<ArgumentException>(results[1].Error).ParamName);
            Assert.True(results[2].Succeeded);
            Assert.IsType<SmsThrottledException>(results[3].Error); // the guard applies per number
            Assert.True(results[4].Succeeded);
            Assert.Equal(3, harness.Sandbox.Requests);

            Assert.Equal(mobiles.Length, reports.Count);
            SmsBatchProgress last = reports.Last();
            Assert.Equal((5, 5, 3, 2), (last.Total, last.Completed, last.Succeeded, last.Failed));
            Assert.Equal(Enumerable.Range(1, 5), reports.Select(p => p.Completed));
        }

        [Fact]
        public async Task A_provider_refusal_for_one_number_does_not_lose_the_others()
        {
            var harness = new PolicyHarness();
            harness.Sandbox.FailNext(205408); // the first request only

            IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(
                PolicyHarness.Message(), new[] { "13800138000", "13900139000", "13700137000" }, new SmsBatchOptions { MaxConcurrency = 1 });

            Assert.Equal(205408, Assert.IsType<JuheSmsException>(results[0].Error).ErrorCode);
            Assert.True(results[1].Succeeded);
            Assert.True(results[2].Succeeded);
        }

        [Fact]
        public async Task Concurrency_reaches_but_never_exceeds_MaxConcurrency()
        {
            int inFlight = 0;
            int max = 0;
            var allThreeIn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var handler = new FakeHttpMessageHandler(async (_, _) =>
            {
                int now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref max, now);
                if (now == 3)
                {
                    allThreeIn.TrySetResult(true);
                }

                // The first three wait for each other, which proves three run at once (a safety net, not a timing).
                await allThreeIn.Task.WaitAsync(TimeSpan.FromSeconds(30));
                Interlocked.Decrement(ref inFlight);
                return FakeHttpMessageHandler.JsonResponse(TestData.SuccessJson);
            });
            var client = TestData.Client(handler);
            string[] mobiles = Enumerable.Range(0, 20).Select(i => "138" + i.ToString("D8")).ToArray();

            IReadOnlyList<SmsBatchItemResult> results = await client.SendManyAsync(mobiles, m => TestData.Message(mobile: m), new SmsBatchOptions { MaxConcurrency = 3 });

            Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.Equal(3, max);
            Assert.Equal(20, handler.CallCount);
        }

        [Fact]
        public async Task Cancellation_returns_the_results_already_sent_and_marks_the_rest_canceled()
        {
            using var cts = new CancellationTokenSource();
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var client = TestData.Client(handler);
            int made = 0;

            IReadOnlyList<SmsBatchItemResult> results = await client.SendManyAsync(
                new[] { "13800000001", "13800000002", "13800000003", "13800000004" },
                m =>
                {
                    if (Interlocked.Increment(ref made) == 2)
                    {
                        cts.Cancel(); // cancel while the second number is being prepared
                    }

                    return TestData.Message(mobile: m);
                },
                new SmsBatchOptions { MaxConcurrency = 1 },
                null,
                cts.Token);

            Assert.True(results[0].Succeeded);
            Assert.All(results.Skip(1), r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
            Assert.Equal(1, handler.CallCount);
        }

        [Fact]
        public async Task A_factory_that_throws_or_returns_null_fails_that_number_only()
        {
            var client = TestData.Client(FakeHttpMessageHandler.Json(TestData.SuccessJson));

            IReadOnlyList<SmsBatchItemResult> results = await client.SendManyAsync(
                new[] { "13800000001", "13800000002", "13800000003" },
                m => m.EndsWith("1", StringComparison.Ordinal) ? throw new FormatException("no template for this one") : m.EndsWith("2", StringComparison.Ordinal) ? null! : TestData.Message(mobile: m));

            Assert.IsType<FormatException>(results[0].Error);
            Assert.IsAssignableFrom<ArgumentException>(results[1].Error);
            Assert.True(results[2].Succeeded);
        }

        [Fact]
        public async Task Marketing_outside_the_hours_fails_each_number_without_network()
        {
            var harness = new PolicyHarness(time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.FromHours(8))));

            IReadOnlyList<SmsBatchItemResult> results = await harness.Client.SendManyAsync(
                PolicyHarness.Message(kind: SmsTemplateKind.Marketing), new[] { "13800000001", "13800000002" });

            Assert.All(results, r => Assert.IsType<SmsMarketingHoursException>(r.Error));
            Assert.Equal(0, harness.Sandbox.Requests);
        }

        [Fact]
        public async Task Whole_call_argument_errors_throw_at_once()
        {
            var client = TestData.Client(FakeHttpMessageHandler.Json(TestData.SuccessJson));

            await Assert.ThrowsAsync<ArgumentNullException>("mobiles", () => client.SendManyAsync((IEnumerable<string>)null!, m => TestData.Message()));
            await Assert.ThrowsAsync<ArgumentNullException>("createMessage", () => client.SendManyAsync(new[] { "13800138000" }, (Func<string, SmsMessage>)null!));
            await Assert.ThrowsAsync<ArgumentNullException>("template", () => client.SendManyAsync((SmsMessage)null!, new[] { "13800138000" }));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>("MaxConcurrency", () => client.SendManyAsync(new[] { "13800138000" }, m => TestData.Message(), new SmsBatchOptions { MaxConcurrency = 0 }));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>("MaxConcurrency", () => client.SendManyAsync(new[] { "13800138000" }, m => TestData.Message(), new SmsBatchOptions { MaxConcurrency = 65 }));
        }

        [Fact]
        public async Task An_empty_batch_returns_no_results()
        {
            var client = TestData.Client(FakeHttpMessageHandler.Json(TestData.SuccessJson));

            Assert.Empty(await client.SendManyAsync(Array.Empty<string>(), m => TestData.Message()));
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }

        /// <summary>An IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
        private sealed class SyncProgress<T> : IProgress<T>
        {
            private readonly Action<T> _report;

            public SyncProgress(Action<T> report) => _report = report;

            public void Report(T value) => _report(value);
        }
    }
}
