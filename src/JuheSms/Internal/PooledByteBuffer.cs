using System;
using System.Buffers;

namespace JuheSms.Internal
{
    /// <summary>A growable byte buffer on <see cref="ArrayPool{T}"/>; also an <see cref="IBufferWriter{T}"/> for <c>Utf8JsonWriter</c>.</summary>
    internal sealed class PooledByteBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer;
        private int _length;

        public PooledByteBuffer(int initialCapacity)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 64));
        }

        public int Length => _length;

        public int Capacity => _buffer.Length;

        public ReadOnlySpan<byte> WrittenSpan => new ReadOnlySpan<byte>(_buffer, 0, _length);

        public void Clear() => _length = 0;

        /// <summary>Takes back what was written after the first <paramref name="length"/> bytes.</summary>
        public void Truncate(int length)
        {
            if (length < 0 || length > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            _length = length;
        }

        public void WriteByte(byte value)
        {
            if (_length == _buffer.Length)
            {
                Grow(1);
            }

            _buffer[_length++] = value;
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (_buffer.Length - _length < bytes.Length)
            {
                Grow(bytes.Length);
            }

            bytes.CopyTo(new Span<byte>(_buffer, _length, bytes.Length));
            _length += bytes.Length;
        }

        /// <summary>A span of at least <paramref name="count"/> free bytes; call <see cref="Advance"/> with what was written.</summary>
        public Span<byte> Reserve(int count)
        {
            if (_buffer.Length - _length < count)
            {
                Grow(count);
            }

            return new Span<byte>(_buffer, _length, _buffer.Length - _length);
        }

        /// <summary>The free space after the written bytes, at least one byte (growing when full); call <see cref="Advance"/> with what was written.</summary>
        public ArraySegment<byte> GetFreeSegment()
        {
            Reserve(1);
            return new ArraySegment<byte>(_buffer, _length, _buffer.Length - _length);
        }

        public byte[] ToArray() => WrittenSpan.ToArray();

        public void Advance(int count)
        {
            if (count < 0 || _length + count > _buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _length += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(Math.Max(sizeHint, 1));
            return new Memory<byte>(_buffer, _length, _buffer.Length - _length);
        }

        public Span<byte> GetSpan(int sizeHint = 0) => Reserve(Math.Max(sizeHint, 1));

        public void Dispose()
        {
            byte[] buffer = _buffer;
            _buffer = Array.Empty<byte>();
            _length = 0;
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Grow(int needed)
        {
            int newSize = Math.Max(_buffer.Length * 2, _length + needed);
            byte[] bigger = ArrayPool<byte>.Shared.Rent(newSize);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _length);
            byte[] old = _buffer;
            _buffer = bigger;
            if (old.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(old);
            }
        }
    }
}
