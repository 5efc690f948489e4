using System;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Internal
{
    /// <summary>Reads at most <see cref="SmsResponseParser.MaxResponseBytes"/> bytes of a response body into a pooled buffer.</summary>
    internal static class SmsResponseReader
    {
        private const int ReadChunkSize = 4096;

        // The pooling builder (net8.0) reuses the state machine box instead of allocating one per send. Safe here: the
        // ValueTask is awaited exactly once, by SmsHttpExchange.
#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        public static async ValueTask<SmsResponseBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            long? declared = response.Content?.Headers.ContentLength;
            if (response.Content is null || declared == 0)
            {
                return new SmsResponseBody(new PooledByteBuffer(0), tooLarge: false);
            }

            int limit = SmsResponseParser.MaxResponseBytes;
            // A declared length gets one spare byte, so the read that finds the end needs no bigger buffer.
            int initial = declared is long d && d > 0 && d <= limit ? (int)d + 1 : ReadChunkSize;
            var buffer = new PooledByteBuffer(initial);
            try
            {
#if NET
                using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                while (true)
                {
                    // Read one byte past the limit to tell "exactly the limit" from "more".
                    int wanted = limit + 1 - buffer.Length;
                    if (wanted <= 0)
                    {
                        return new SmsResponseBody(buffer, tooLarge: true);
                    }

                    // Straight into the buffer's free space (it grows only when full), at most a chunk at a time.
                    ArraySegment<byte> free = buffer.GetFreeSegment();
                    int count = Math.Min(Math.Min(free.Count, wanted), ReadChunkSize);
#if NET
                    int read = await stream.ReadAsync(new Memory<byte>(free.Array, free.Offset, count), cancellationToken).ConfigureAwait(false);
#else
                    int read = await stream.ReadAsync(free.Array, free.Offset, count, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        return new SmsResponseBody(buffer, tooLarge: false);
                    }

                    buffer.Advance(read);
                }
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
        }
    }
}
