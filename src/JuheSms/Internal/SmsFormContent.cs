using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Internal
{
    /// <summary>
    /// The form body as <see cref="HttpContent"/>. It records whether anything ever started to write or read it:
    /// until then the request cannot have reached the provider, so a failure then certainly did not send the message.
    /// </summary>
    internal sealed class SmsFormContent : HttpContent
    {
        private readonly byte[] _body;
        private int _serializationStarted;

        public SmsFormContent(byte[] body)
        {
            _body = body;
            // TryAddWithoutValidation: no MediaTypeHeaderValue parse per request.
            Headers.TryAddWithoutValidation("Content-Type", SmsRequestWriter.ContentType);
        }

        /// <summary>The attempt this body belongs to (<see cref="Http.SendAttempt.Mark"/>), for handlers that send a copy of the request with the same body.</summary>
        public Http.SendAttempt? Attempt { get; set; }

        /// <summary>True once the body started to go out (or was buffered by a handler): the provider may have received it.</summary>
        public bool SerializationStarted => Volatile.Read(ref _serializationStarted) != 0;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            MarkStarted();
            return stream.WriteAsync(_body, 0, _body.Length);
        }

#if NET
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            MarkStarted();
            return stream.WriteAsync(_body, 0, _body.Length, cancellationToken);
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            MarkStarted();
            stream.Write(_body, 0, _body.Length);
        }
#endif

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }

        private void MarkStarted() => Interlocked.Exchange(ref _serializationStarted, 1);
    }
}
