using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using JuheSms.Http;
using JuheSms.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// What the one-request guard of issue 14 costs a send, measured without the network (whose noise is larger than the
    /// guard): an attempt's request built as the client builds it, with and without its mark, and sent through an
    /// <see cref="HttpMessageInvoker"/> over a stub primary handler, with and without <see cref="JuheSmsOneRequestHandler"/>
    /// above it. The stub answers after the call has returned (as the network does), so the guard's await really
    /// suspends and its continuation runs, as in a real send. Compare the differences with a loopback send (tens of
    /// microseconds, README's Performance): the target is under 1 % of it.
    /// </summary>
    [BenchmarkCategory("OneRequestGuard")]
    [MinColumn]
    [MedianColumn]
    public class OneRequestGuardBenchmarks
    {
        private static readonly Uri Endpoint = new Uri("http://127.0.0.1:5000/sms/send");
        private static readonly byte[] Body = SmsRequestWriter.WriteBody(SmsRequestWriter.EncodeKeyField("0123456789abcdef0123456789abcdef"), "13800138000", 123457, new System.Collections.Generic.Dictionary<string, string> { ["code"] = "1234" }, null, VariableEncoding.Vars);
        private static readonly SendContext Context = new SendContext("13800138000", 123457, SmsTemplateKind.Notification);

        private readonly HttpResponseMessage _response = new HttpResponseMessage(HttpStatusCode.OK);
        private StubHandler _plainStub = null!;
        private StubHandler _guardedStub = null!;
        private HttpMessageInvoker _plain = null!;
        private HttpMessageInvoker _guarded = null!;

        [GlobalSetup]
        public void Setup()
        {
            _plainStub = new StubHandler();
            _guardedStub = new StubHandler();
            _plain = new HttpMessageInvoker(_plainStub);
            _guarded = new HttpMessageInvoker(new JuheSmsOneRequestHandler(_guardedStub));
        }

        /// <summary>The request as the client built it before issue 14: no mark.</summary>
        [Benchmark(Baseline = true)]
        public HttpRequestMessage Request() => new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new SmsFormContent(Body) };

        /// <summary>The request with the client's mark (the request's and the body's back-references).</summary>
        [Benchmark]
        public HttpRequestMessage RequestMarked()
        {
            var content = new SmsFormContent(Body);
            var request = new SmsRequestMessage(Endpoint, content);
            SendAttempt.Mark(request, content, NullLogger.Instance, Context, 1);
            return request;
        }

        /// <summary>A marked request through the stub alone (the chain without the guard).</summary>
        [Benchmark]
        public Task<HttpResponseMessage> SendWithoutGuard() => SendAsync(_plain, _plainStub);

        /// <summary>A marked request through the guard and the stub (what <c>AddJuheSms</c> adds).</summary>
        [Benchmark]
        public Task<HttpResponseMessage> SendWithGuard() => SendAsync(_guarded, _guardedStub);

        private async Task<HttpResponseMessage> SendAsync(HttpMessageInvoker invoker, StubHandler stub)
        {
            HttpRequestMessage request = RequestMarked();
            Task<HttpResponseMessage> sending = invoker.SendAsync(request, CancellationToken.None);
            stub.Answer(_response);
            return await sending.ConfigureAwait(false);
        }

        /// <summary>Answers when told to, after SendAsync has returned its pending task.</summary>
        private sealed class StubHandler : HttpMessageHandler
        {
            private TaskCompletionSource<HttpResponseMessage>? _pending;

            public void Answer(HttpResponseMessage response) => _pending!.SetResult(response);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                _pending = new TaskCompletionSource<HttpResponseMessage>();
                return _pending.Task;
            }
        }
    }
}
