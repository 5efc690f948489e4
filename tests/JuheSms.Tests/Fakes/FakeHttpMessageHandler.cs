using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Tests.Fakes
{
    /// <summary>A request as the handler saw it, copied so that it outlives the request.</summary>
    public sealed class CapturedRequest
    {
        public CapturedRequest(HttpMethod method, Uri? uri, string? mediaType, string? contentTypeHeader, byte[] body)
        {
            Method = method;
            Uri = uri;
            MediaType = mediaType;
            ContentTypeHeader = contentTypeHeader;
            Body = body;
        }

        public HttpMethod Method { get; }

        public Uri? Uri { get; }

        public string? MediaType { get; }

        public string? ContentTypeHeader { get; }

        public byte[] Body { get; }

        public string BodyText => Encoding.ASCII.GetString(Body);

        public IReadOnlyDictionary<string, string> Form => FormBody.Parse(BodyText);
    }

    /// <summary>
    /// An <see cref="HttpMessageHandler"/> that records each request (reading its body, as a real handler would send it)
    /// and answers with what the test scripts.
    /// </summary>
    public sealed class FakeHttpMessageHandler : HttpMessageHandler
    {
        private readonly Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
        private readonly bool _readBody;

        public FakeHttpMessageHandler(Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> respond, bool readBody = true)
        {
            _respond = respond;
            _readBody = readBody;
        }

        public ConcurrentQueue<CapturedRequest> Requests { get; } = new ConcurrentQueue<CapturedRequest>();

        public int CallCount => Requests.Count;

        public static FakeHttpMessageHandler Json(string json, HttpStatusCode status = HttpStatusCode.OK)
            => new FakeHttpMessageHandler((_, _) => Task.FromResult(JsonResponse(json, status)));

        /// <summary>Answers each call with the next body in turn (the last one repeats).</summary>
        public static FakeHttpMessageHandler Sequence(params string[] jsonBodies)
        {
            int index = -1;
            return new FakeHttpMessageHandler((_, _) =>
            {
                int i = Math.Min(Interlocked.Increment(ref index), jsonBodies.Length - 1);
                return Task.FromResult(JsonResponse(jsonBodies[i]));
            });
        }

        public static HttpResponseMessage JsonResponse(string json, HttpStatusCode status = HttpStatusCode.OK)
            => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        public static HttpResponseMessage BytesResponse(byte[] body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            return new HttpResponseMessage(status) { Content = content };
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            byte[] body = Array.Empty<byte>();
            if (_readBody && request.Content is not null)
            {
                body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            }

            var captured = new CapturedRequest(
                request.Method,
                request.RequestUri,
                request.Content?.Headers.ContentType?.MediaType,
                request.Content is null ? null : string.Join(",", request.Content.Headers.GetValues("Content-Type")),
                body);
            Requests.Enqueue(captured);
            return await _respond(captured, cancellationToken);
        }
    }
}
