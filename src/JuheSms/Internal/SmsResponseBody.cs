using System;

namespace JuheSms.Internal
{
    /// <summary>The bytes <see cref="SmsResponseReader"/> read, in a pooled buffer that <see cref="Dispose"/> returns.</summary>
    internal readonly struct SmsResponseBody : IDisposable
    {
        private readonly PooledByteBuffer _buffer;

        public SmsResponseBody(PooledByteBuffer buffer, bool tooLarge)
        {
            _buffer = buffer;
            TooLarge = tooLarge;
        }

        /// <summary>True when the body has more than <see cref="SmsResponseParser.MaxResponseBytes"/> bytes (only the first ones were read).</summary>
        public bool TooLarge { get; }

        public ReadOnlySpan<byte> Span => _buffer.WrittenSpan;

        public void Dispose() => _buffer.Dispose();
    }
}
