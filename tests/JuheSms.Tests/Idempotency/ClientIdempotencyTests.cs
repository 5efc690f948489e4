using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using JuheSms.Tests.Policy;
using Xunit;

namespace JuheSms.Tests.Idempotency
{
    /// <summary>The semantics of <see cref="SmsMessage.IdempotencyKey"/> inside <see cref="JuheSmsClient.SendAsync"/>.</summary>
    public class ClientIdempotencyTests
    {
        [Fact]
        public async Task A_repeat_of_a_completed_key_returns_the_first_result_with_no_request_and_no_guard_slot()
        {
            var guard = new RecordingGuard();
            var harness = new IdempotencyHarness(guard: guard);

            SmsSendResult first = await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));
            SmsSendResult again = await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));

            Assert.False(first.IsReplayed);
            Assert.True(again.IsReplayed);
            Assert.Equal(first.Sid, again.Sid);
            Assert.Equal(first.Fee, again.Fee);
            Assert.Equal(first.Count, again.Count);
            Assert.Equal(1, harness.Sandbox.Requests);
            Assert.Single(guard.Reserved);
            Assert.Single(harness.Events(30)); // SmsIdempotentReplay
        }

        [Fact]
        public async Task A_repeat_while_the_first_send_is_in_flight_is_a_conflict_and_is_not_sent()
        {
            using var release = new SemaphoreSlim(0);
            var handler = new FakeHttpMessageHandler(async (_, ct) =>
            {
                await release.WaitAsync(ct);
                return FakeHttpMessageHandler.JsonResponse(TestData.SuccessJson);
            });
            var harness = new IdempotencyHarness(handler: handler);

            Task<SmsSendResult> first = harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));
            await WaitUntilAsync(() => handler.CallCount == 1);
            var conflict = await Assert.ThrowsAsync<SmsIdempotencyConflictException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));
            release.Release();
            await first;

            Assert.True(conflict.IsInFlight);
            Assert.False(conflict.IsOutcomeUnknown);
            Assert.Equal(SmsIdempotencyStatus.InFlight, conflict.Status);
            Assert.Equal("order-1", conflict.Key);
            Assert.Contains("order-1", conflict.Message);
            Assert.Equal(0, conflict.ErrorCode);
            Assert.Equal(1, handler.CallCount);
        }

        [Fact]
        public async Task Of_concurrent_sends_with_one_key_exactly_one_reaches_the_network()
        {
            using var release = new SemaphoreSlim(0);
            var handler = new FakeHttpMessageHandler(async (_, ct) =>
            {
                await release.WaitAsync(ct);
                return FakeHttpMessageHandler.JsonResponse(TestData.SuccessJson);
            });
            var harness = new IdempotencyHarness(handler: handler);

            Task<SmsSendResult>[] sends = Enumerable.Range(0, 16).Select(_ => Task.Run(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")))).ToArray();
            await WaitUntilAsync(() => sends.Count(t => t.IsCompleted) == 15);
            release.Release();
            await Task.WhenAny(Task.WhenAll(sends), Task.Delay(TimeSpan.FromSeconds(30)));

            Assert.Equal(1, sends.Count(t => t.Status == TaskStatus.RanToCompletion));
            Assert.Equal(15, sends.Count(t => t.Exception?.InnerException is SmsIdempotencyConflictException { IsInFlight: true }));
            Assert.Equal(1, handler.CallCount);
        }

        [Fact]
        public async Task A_send_that_failed_after_the_request_went_out_makes_every_repeat_a_conflict_of_unknown_outcome()
        {
            int calls = 0;
            var handler = new FakeHttpMessageHandler((_, _) =>
            {
                Interlocked.Increment(ref calls);
                throw new HttpRequestException("connection reset after the body was written");
            });
            var harness = new IdempotencyHarness(handler: handler);

            var transport = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));
            Assert.True(transport.RequestMayHaveBeenReceived);
            var conflict = await Assert.ThrowsAsync<SmsIdempotencyConflictException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));
            harness.Time.Advance(TimeSpan.FromHours(23));
            var later = await Assert.ThrowsAsync<SmsIdempotencyConflictException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));

            Assert.True(conflict.IsOutcomeUnknown);
            Assert.True(later.IsOutcomeUnknown);
            Assert.Contains("may have been accepted", conflict.Message);
            Assert.Equal(1, calls);
        }

        [Fact]
        public async Task A_provider_refusal_frees_the_key_so_the_send_may_be_made_again()
        {
            var harness = new IdempotencyHarness();
            harness.Sandbox.FailNext(205404);

            await Assert.ThrowsAsync<JuheSmsException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));
            SmsSendResult second = await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));

            Assert.False(second.IsReplayed);
            Assert.Equal(2, harness.Sandbox.Requests);
            Assert.Single(harness.Sandbox.Sent);
        }

        [Fact]
        public async Task A_request_that_never_left_frees_the_key()
        {
            int calls = 0;
            var handler = new FakeHttpMessageHandler((_, _) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    throw new HttpRequestException("no route to host");
                }

                return Task.FromResult(FakeHttpMessageHandler.JsonResponse(TestData.SuccessJson));
            }, readBody: false);
            var harness = new IdempotencyHarness(handler: handler);

            var failure = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));
            Assert.False(failure.RequestMayHaveBeenReceived);
            await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));

            Assert.Equal(2, calls);
        }

        [Fact]
        public async Task A_throttled_send_frees_its_key()
        {
            var harness = new IdempotencyHarness(guard: new InMemorySmsSendGuard(null, null));
            await harness.Client.SendAsync(IdempotencyHarness.Message("a"));

            await Assert.ThrowsAsync<SmsThrottledException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("b")));
            SmsIdempotencyDecision b = await harness.Store!.TryBeginAsync("b", TimeSpan.FromSeconds(1));

            Assert.Equal(SmsIdempotencyStatus.Started, b.Status);
        }

        [Fact]
        public async Task A_marketing_send_refused_outside_the_hours_frees_its_key_and_a_replay_needs_no_hours()
        {
            var harness = new IdempotencyHarness(configure: o => o.MarketingBatchRule = SmsMarketingBatchRule.Off);
            SmsSendResult first = await harness.Client.SendAsync(IdempotencyHarness.Message("promo-1", kind: SmsTemplateKind.Marketing));
            harness.Time.Advance(TimeSpan.FromHours(11)); // 23:00 China time

            await Assert.ThrowsAsync<SmsMarketingHoursException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("promo-2", kind: SmsTemplateKind.Marketing)));
            SmsSendResult replay = await harness.Client.SendAsync(IdempotencyHarness.Message("promo-1", kind: SmsTemplateKind.Marketing));

            Assert.Equal(first.Sid, replay.Sid);
            Assert.Equal(SmsIdempotencyStatus.Started, (await harness.Store!.TryBeginAsync("promo-2", TimeSpan.FromSeconds(1))).Status);
            Assert.Equal(1, harness.Sandbox.Requests);
        }

        [Fact]
        public async Task When_the_store_fails_nothing_is_sent_and_no_guard_slot_is_taken()
        {
            var guard = new RecordingGuard();
            var store = new RecordingStore(TimeProvider.System) { FailBegin = new InvalidOperationException("store down") };
            var harness = new IdempotencyHarness(store: store, guard: guard);

            var ex = await Assert.ThrowsAsync<SmsIdempotencyUnavailableException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));

            Assert.Contains("nothing was sent", ex.Message);
            Assert.IsType<InvalidOperationException>(ex.InnerException);
            Assert.Equal(0, harness.Sandbox.Requests);
            Assert.Empty(guard.Reserved);
        }

        [Fact]
        public async Task A_result_that_cannot_be_recorded_is_still_returned_and_logged()
        {
            var store = new RecordingStore(TimeProvider.System) { FailRecord = new InvalidOperationException("store down after the send") };
            var harness = new IdempotencyHarness(store: store);

            SmsSendResult result = await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));

            Assert.False(string.IsNullOrEmpty(result.Sid));
            CapturedLog warning = Assert.Single(harness.Events(32));
            Assert.IsType<InvalidOperationException>(warning.Exception);
            // The key stays in flight, so a repeat is a conflict, never a second send.
            await Assert.ThrowsAsync<SmsIdempotencyConflictException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));
            Assert.Equal(1, harness.Sandbox.Requests);
        }

        [Fact]
        public async Task A_send_without_a_key_does_not_touch_the_store()
        {
            var store = new RecordingStore(TimeProvider.System);
            var harness = new IdempotencyHarness(store: store);

            await harness.Client.SendAsync(IdempotencyHarness.Message(null));
            await harness.Client.SendAsync(IdempotencyHarness.Message(null));

            Assert.Empty(store.Calls);
            Assert.Equal(2, harness.Sandbox.Requests);
        }

        [Fact]
        public async Task A_client_without_a_store_sends_a_message_with_a_key_every_time()
        {
            var harness = new IdempotencyHarness(withStore: false);

            await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));
            await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));

            Assert.Equal(2, harness.Sandbox.Requests);
        }

        [Fact]
        public async Task The_steps_are_begin_then_complete_and_the_lease_covers_every_attempt()
        {
            var store = new RecordingStore(TimeProvider.System);
            var harness = new IdempotencyHarness(store: store, configure: o =>
            {
                o.Timeout = TimeSpan.FromSeconds(10);
                o.RetryOnRetryableErrors = true;
                o.MaxRetries = 2;
                o.RetryDelay = TimeSpan.FromSeconds(1);
            });

            await harness.Client.SendAsync(IdempotencyHarness.Message("order-1"));

            Assert.Equal(new[] { "begin order-1", "complete order-1" }, store.Calls);
            TimeSpan lease = Assert.Single(store.Leases);
            Assert.True(lease >= TimeSpan.FromSeconds((3 * 10) + (2 * 1)), $"lease {lease} is shorter than three attempts and two delays");
        }

        [Fact]
        public async Task A_sender_that_died_mid_send_leaves_a_key_in_flight_for_its_lease_and_then_of_unknown_outcome()
        {
            var harness = new IdempotencyHarness(configure: o => o.Timeout = TimeSpan.FromSeconds(5));
            // What a dead process leaves behind: the key taken, nothing recorded after.
            await harness.Store!.TryBeginAsync("order-1", TimeSpan.FromSeconds(7));

            var during = await Assert.ThrowsAsync<SmsIdempotencyConflictException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));
            harness.Time.Advance(TimeSpan.FromSeconds(7));
            var after = await Assert.ThrowsAsync<SmsIdempotencyConflictException>(() => harness.Client.SendAsync(IdempotencyHarness.Message("order-1")));

            Assert.True(during.IsInFlight);
            Assert.True(after.IsOutcomeUnknown);
            Assert.Equal(0, harness.Sandbox.Requests);
        }

        private static async Task WaitUntilAsync(Func<bool> condition)
        {
            // A readiness wait (at most 30 s), not a timing assertion.
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "the condition was not met within 30 s");
                await Task.Delay(5);
            }
        }
    }
}
