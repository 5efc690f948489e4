using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Robustness.Tests.Infrastructure
{
    /// <summary>
    /// A read-only, non-seekable body that produces <c>prefix + filler…</c> up to <see cref="Length"/> bytes without holding
    /// them in memory, and counts how many bytes the reader took.
    /// </summary>
    internal sealed class CountingStream : Stream
    {
        private readonly byte[] _prefix;
        private readonly byte _filler;
        private long _position;
        private long _read;

        public CountingStream(byte[] prefix, long length = -1, byte filler = (byte)' ')
        {
            _prefix = prefix;
            Length = length < 0 ? prefix.Length : length;
            _filler = filler;
        }

        /// <summary>Bytes handed to the reader so far.</summary>
        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length { get; }

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = (int)Math.Min(buffer.Length, Length - _position);
            for (int i = 0; i < n; i++)
            {
                long p = _position + i;
                buffer[i] = p < _prefix.Length ? _prefix[p] : _filler;
            }

            _position += n;
            Interlocked.Add(ref _read, n);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => new ValueTask<int>(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
