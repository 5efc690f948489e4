using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests.Idempotency
{
    /// <summary>Batches with a <see cref="SmsBatchOptions.BatchId"/> (list and streaming forms), on the in-memory store.</summary>
    public class CampaignTests
    {
        private static readonly string[] Mobiles = { "13800138000", "+86 139-0013-9000", "18600186000", "18900189000" };

        [Fact]
        public async Task Each_number_gets_the_key_BatchId_colon_its_normalised_number()
        {
            var store = new RecordingStore(TimeProvider.System);
            var harness = new IdempotencyHarness(store: store);

            await harness.Client.SendManyAsync(Template(), Mobiles, new SmsBatchOptions { BatchId = "spring" });

            Assert.Equal(
                new[] { "spring:13800138000", "spring:13900139000", "spring:18600186000", "spring:18900189000" },
                store.Calls.Where(c => c.StartsWith("begin ", StringComparison.Ordinal)).Select(c => c.Substring(6)).OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Running_a_campaign_again_sends_nothing_twice_and_returns_every_first_result()
        {
            var harness = new IdempotencyHarness();
            var options = new SmsBatchOptions { BatchId = "spring" };

            IReadOnlyList<SmsBatchItemResult> first = await harness.Client.SendManyAsync(Template(), Mobiles, options);
            IReadOnlyList<SmsBatchItemResult> again = await harness.Client.SendManyAsync(Template(), Mobiles, options);

            Assert.Equal(4, harness.Sandbox.Requests);
            Assert.All(first, r => Assert.False(r.Result!.IsReplayed));
            Assert.All(again, r => Assert.True(r.Result!.IsReplayed));
            Assert.Equal(first.Select(r => r.Sid), again.Select(r => r.Sid));
        }

        [Fact]
        public async Task A_campaign_resumed_after_a_partial_run_sends_only_the_rest()
        {
            var harness = new IdempotencyHarness();
            var options = new SmsBatchOptions { BatchId = "spring", MaxConcurrency = 1 };
            await harness.Client.SendManyAsync(Template(), Mobiles.Take(2), options);

            IReadOnlyList<SmsBatchItemResult> resumed = await harness.Client.SendManyAsync(Template(), Mobiles, options);

            Assert.Equal(4, harness.Sandbox.Requests);
            Assert.Equal(new[] { true, true, false, false }, resumed.Select(r => r.Result!.IsReplayed));
        }

        [Fact]
        public async Task A_message_with_a_key_of_its_own_keeps_it()
        {
            var store = new RecordingStore(TimeProvider.System);
            var harness = new IdempotencyHarness(store: store);

            await harness.Client.SendManyAsync(
                Mobiles.Take(1),
                mobile => IdempotencyHarness.Message("own-key", mobile),
                new SmsBatchOptions { BatchId = "spring" });

            Assert.Contains("begin own-key", store.Calls);
            Assert.DoesNotContain(store.Calls, c => c.Contains("spring", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Without_a_BatchId_a_batch_takes_no_keys()
        {
            var store = new RecordingStore(TimeProvider.System);
            var harness = new IdempotencyHarness(store: store);

            await harness.Client.SendManyAsync(Template(), Mobiles);

            Assert.Empty(store.Calls);
        }

        [Fact]
        public async Task The_streaming_form_yields_a_result_per_number_with_its_position_and_never_more_than_MaxConcurrency_in_flight()
        {
            int inFlight = 0, most = 0;
            var handler = new FakeHttpMessageHandler(async (_, _) =>
            {
                int now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref inFlight);
                return FakeHttpMessageHandler.JsonResponse(TestData.SuccessJson);
            });
            var harness = new IdempotencyHarness(handler: handler);
            string[] numbers = Enumerable.Range(0, 200).Select(i => "138" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            var results = new List<SmsBatchItemResult>();
            await foreach (SmsBatchItemResult result in harness.Client.SendManyAsync(Template(), Stream(numbers), new SmsBatchOptions { MaxConcurrency = 3, BatchId = "s" }))
            {
                results.Add(result);
            }

            Assert.Equal(Enumerable.Range(0, 200), results.Select(r => r.Index).OrderBy(i => i));
            Assert.All(results, r => Assert.Equal(numbers[r.Index], r.Mobile));
            Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.InRange(most, 1, 3);
            Assert.Equal(200, handler.CallCount);
        }

        [Fact]
        public async Task The_streaming_form_reads_numbers_only_as_sends_start()
        {
            var harness = new IdempotencyHarness();
            int read = 0;
            async IAsyncEnumerable<string> Counting()
            {
                for (int i = 0; i < 1_000; i++)
                {
                    await Task.Yield();
                    Interlocked.Increment(ref read);
                    yield return "186" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            // 1,000 China Unicom numbers: the rule 4 look-ahead reads them all (no 20 China Mobile numbers to stop it), so
            // check the laziness on a stream of China Mobile numbers instead, where it stops after 20.
            await foreach (SmsBatchItemResult _ in harness.Client.SendManyAsync(Template(), Counting(), new SmsBatchOptions { MaxConcurrency = 2 }))
            {
                break;
            }

            int readUnicom = read;
            read = 0;
            async IAsyncEnumerable<string> ChinaMobile()
            {
                for (int i = 0; i < 1_000; i++)
                {
                    await Task.Yield();
                    Interlocked.Increment(ref read);
                    yield return "138" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            await foreach (SmsBatchItemResult _ in harness.Client.SendManyAsync(Template(), ChinaMobile(), new SmsBatchOptions { MaxConcurrency = 2 }))
            {
                break;
            }

            Assert.Equal(1_000, readUnicom);
            Assert.InRange(read, 20, 24); // the look-ahead (20) plus the sends started before the first result
        }

        [Fact]
        public async Task Canceling_the_streaming_form_yields_the_sends_in_flight_and_then_throws()
        {
            var harness = new IdempotencyHarness();
            using var cancel = new CancellationTokenSource();
            string[] numbers = Enumerable.Range(0, 100).Select(i => "138" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var results = new List<SmsBatchItemResult>();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (SmsBatchItemResult result in harness.Client.SendManyAsync(Template(), Stream(numbers), new SmsBatchOptions { MaxConcurrency = 4 }, cancel.Token))
                {
                    results.Add(result);
                    if (results.Count == 10)
                    {
                        cancel.Cancel();
                    }
                }
            });

            Assert.InRange(results.Count, 10, 14);
            Assert.Equal(harness.Sandbox.Requests, results.Count(r => r.Succeeded));
            Assert.True(harness.Sandbox.Requests < 100);
        }

        [Fact]
        public void The_streaming_form_checks_its_arguments_before_enumerating()
        {
            var harness = new IdempotencyHarness();

            Assert.Throws<ArgumentNullException>("mobiles", () => harness.Client.SendManyAsync(Template(), (IAsyncEnumerable<string>)null!));
            Assert.Throws<ArgumentNullException>("template", () => harness.Client.SendManyAsync(null!, Stream(Mobiles)));
            Assert.Throws<ArgumentException>("BatchId", () => harness.Client.SendManyAsync(Template(), Stream(Mobiles), new SmsBatchOptions { BatchId = " " }));
            Assert.Throws<ArgumentOutOfRangeException>("MaxConcurrency", () => harness.Client.SendManyAsync(Template(), Stream(Mobiles), new SmsBatchOptions { MaxConcurrency = 0 }));
        }

        internal static SmsMessage Template(SmsTemplateKind kind = SmsTemplateKind.Notification)
            => new SmsMessage("", IdempotencyHarness.TplId, new Dictionary<string, string> { ["code"] = "1234" }) { Kind = kind };

        internal static async IAsyncEnumerable<string> Stream(IEnumerable<string> numbers, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (string number in numbers)
            {
                await Task.Yield();
                yield return number;
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
