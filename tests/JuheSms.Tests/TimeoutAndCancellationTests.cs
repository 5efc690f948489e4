using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>Time-outs are driven by a fake clock: no test waits for real time.</summary>
    public class TimeoutAndCancellationTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        [Fact]
        public async Task A_time_out_after_the_request_was_written_says_it_may_have_been_received()
        {
            var time = new RecordingTimeProvider();
            var handler = HangingHandler(readBody: true);
            var client = TestData.Client(handler, o => o.Timeout = Timeout, timeProvider: time);

            Task<SmsSendResult> send = client.SendAsync(TestData.Message());
            await time.AdvanceWhenTimerExistsAsync(Timeout);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => send);
            Assert.True(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
            Assert.Contains("may have accepted", ex.Message, StringComparison.Ordinal);
            Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        }

        [Fact]
        public async Task A_time_out_before_the_request_was_written_says_it_was_not_sent()
        {
            var time = new RecordingTimeProvider();
            var handler = HangingHandler(readBody: false);
            var client = TestData.Client(handler, o => o.Timeout = Timeout, timeProvider: time);

            Task<SmsSendResult> send = client.SendAsync(TestData.Message());
            await time.AdvanceWhenTimerExistsAsync(Timeout);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => send);
            Assert.True(ex.IsTimeout);
            Assert.False(ex.RequestMayHaveBeenReceived);
            Assert.Contains("was not sent", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_time_out_while_reading_the_body_is_a_transport_time_out()
        {
            var time = new RecordingTimeProvider();
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new NeverEndingStream()),
            }));
            var client = TestData.Client(handler, o => o.Timeout = Timeout, timeProvider: time);

            Task<SmsSendResult> send = client.SendAsync(TestData.Message());
            await time.AdvanceWhenTimerExistsAsync(Timeout);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => send);
            Assert.True(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
        }

        [Fact]
        public async Task HttpClient_own_timeout_is_reported_as_a_time_out_too()
        {
            var handler = HangingHandler(readBody: true);
            var client = new JuheSmsClient(new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(1) }, TestData.Options());

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));

            Assert.True(ex.IsTimeout);
        }

        [Fact]
        public async Task The_callers_cancellation_is_an_OperationCanceledException_with_its_token()
        {
            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var handler = HangingHandler(readBody: true, entered);
            using var cts = new CancellationTokenSource();
            var client = TestData.Client(handler);

            Task<SmsSendResult> send = client.SendAsync(TestData.Message(), cts.Token);
            await entered.Task;
            cts.Cancel();

            var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
            Assert.IsNotType<JuheSmsTransportException>(ex);
            Assert.Equal(cts.Token, ex.CancellationToken);
        }

        [Fact]
        public async Task An_already_canceled_token_sends_nothing()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestData.Client(handler).SendAsync(TestData.Message(), cts.Token));

            Assert.Equal(0, handler.CallCount);
        }

        [Fact]
        public async Task A_connection_failure_before_the_body_was_written_was_not_sent()
        {
            var handler = new FakeHttpMessageHandler((_, _) => throw new HttpRequestException("Connection refused"), readBody: false);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.False(ex.IsTimeout);
            Assert.False(ex.RequestMayHaveBeenReceived);
            Assert.IsType<HttpRequestException>(ex.InnerException);
        }

        [Fact]
        public async Task A_connection_that_breaks_after_the_body_was_written_may_have_been_received()
        {
            var handler = new FakeHttpMessageHandler((_, _) => throw new HttpRequestException("The response ended prematurely."), readBody: true);

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.False(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
        }

        [Fact]
        public async Task A_body_that_breaks_while_being_read_is_a_transport_failure()
        {
            var handler = new FakeHttpMessageHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new BrokenStream()),
            }));

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.False(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
            Assert.IsType<IOException>(ex.InnerException);
        }

        [Fact]
        public async Task Another_handler_failure_is_not_disguised()
        {
            var handler = new FakeHttpMessageHandler((_, _) => throw new InvalidOperationException("misconfigured handler"));

            await Assert.ThrowsAsync<InvalidOperationException>(() => TestData.Client(handler).SendAsync(TestData.Message()));
        }

        private static FakeHttpMessageHandler HangingHandler(bool readBody, TaskCompletionSource? entered = null)
            => new FakeHttpMessageHandler(
                async (_, ct) =>
                {
                    entered?.TrySetResult();
                    await Task.Delay(System.Threading.Timeout.Infinite, ct);
                    throw new InvalidOperationException("unreachable");
                },
                readBody);

        private sealed class NeverEndingStream : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
                return 0;
            }

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
                return 0;
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private sealed class BrokenStream : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset");

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
