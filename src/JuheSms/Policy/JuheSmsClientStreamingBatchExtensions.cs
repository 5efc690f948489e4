using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// The streaming form of <c>SendManyAsync</c>, for campaigns too large to hold in memory: numbers are read from an
    /// <see cref="IAsyncEnumerable{T}"/> as sends start and results are yielded as they complete, so memory stays flat
    /// however many numbers there are.
    /// </summary>
    public static class JuheSmsClientStreamingBatchExtensions
    {
        /// <summary>
        /// The most numbers read ahead before the first send to count China Mobile numbers for rule 4 (it stops as soon as 20
        /// are seen). A stream whose first 10,000 numbers hold 1 to 19 China Mobile numbers counts as a batch with too few.
        /// </summary>
        public const int RuleLookAhead = 10_000;

        /// <summary>
        /// Sends the message <paramref name="createMessage"/> makes for each number of <paramref name="mobiles"/>, at most
        /// <see cref="SmsBatchOptions.MaxConcurrency"/> at a time, each through <see cref="IJuheSmsClient.SendAsync"/>, and yields
        /// each number's <see cref="SmsBatchItemResult"/> as it completes (in completion order; <see cref="SmsBatchItemResult.Index"/>
        /// is the number's position in the stream). Numbers are read only as sends start (after a look-ahead for rule 4 of
        /// at most <see cref="RuleLookAhead"/> numbers), and a result not yet taken by the caller holds back the next sends, so
        /// memory does not grow with the campaign. With <see cref="SmsBatchOptions.BatchId"/> and an idempotency store the
        /// campaign is safe to run again after a crash (see <see cref="SmsBatchOptions.BatchId"/>). Never throws for a
        /// number; canceling stops reading numbers and starting sends: the sends already in flight are yielded, and then the
        /// enumeration ends with an <see cref="OperationCanceledException"/> (numbers not read get no result). A caller that
        /// stops enumerating early still waits, on disposal, for the sends it started.
        /// </summary>
        /// <param name="client">The client.</param>
        /// <param name="mobiles">The numbers.</param>
        /// <param name="createMessage">Makes the message for one number; an exception it throws becomes that number's error.</param>
        /// <param name="options">Concurrency and batch id; defaults when null.</param>
        /// <param name="cancellationToken">Stops the campaign (see above).</param>
        /// <returns>One result per number, as each completes.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="client"/>, <paramref name="mobiles"/> or <paramref name="createMessage"/> is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid (<see cref="SmsBatchOptions.MaxConcurrency"/>, <see cref="SmsBatchOptions.BatchId"/>).</exception>
        public static IAsyncEnumerable<SmsBatchItemResult> SendManyAsync(
            this IJuheSmsClient client,
            IAsyncEnumerable<string> mobiles,
            Func<string, SmsMessage> createMessage,
            SmsBatchOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            if (mobiles is null)
            {
                throw new ArgumentNullException(nameof(mobiles));
            }

            if (createMessage is null)
            {
                throw new ArgumentNullException(nameof(createMessage));
            }

            options ??= new SmsBatchOptions();
            options.Validate();
            return StreamAsync(client, mobiles, createMessage, options.MaxConcurrency, options.BatchId, cancellationToken);
        }

        /// <summary>
        /// Sends <paramref name="template"/> (its template id, variables, <c>ext</c> and kind; its own number is ignored) to each
        /// number of <paramref name="mobiles"/>. See the overload with a message factory for the behaviour.
        /// </summary>
        /// <param name="client">The client.</param>
        /// <param name="template">The message to copy for each number.</param>
        /// <param name="mobiles">The numbers.</param>
        /// <param name="options">Concurrency and batch id; defaults when null.</param>
        /// <param name="cancellationToken">Stops the campaign.</param>
        /// <returns>One result per number, as each completes.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="client"/>, <paramref name="template"/> or <paramref name="mobiles"/> is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public static IAsyncEnumerable<SmsBatchItemResult> SendManyAsync(
            this IJuheSmsClient client,
            SmsMessage template,
            IAsyncEnumerable<string> mobiles,
            SmsBatchOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            if (template is null)
            {
                throw new ArgumentNullException(nameof(template));
            }

            return client.SendManyAsync(mobiles, BatchMessages.CopyOf(template), options, cancellationToken);
        }

        private static async IAsyncEnumerable<SmsBatchItemResult> StreamAsync(
            IJuheSmsClient client,
            IAsyncEnumerable<string> mobiles,
            Func<string, SmsMessage> createMessage,
            int maxConcurrency,
            string? batchId,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            IAsyncEnumerator<string> numbers = mobiles.GetAsyncEnumerator(cancellationToken);
            var completions = new Completions();
            int inFlight = 0;
            try
            {
                // Rule 4 needs the China Mobile count before the first marketing send: read ahead until 20 are seen, the
                // stream ends, or the look-ahead is full.
                var lookAhead = new Queue<string>();
                int chinaMobile = 0;
                bool more;
                while ((more = await numbers.MoveNextAsync().ConfigureAwait(false))
                    && lookAhead.Count < RuleLookAhead)
                {
                    lookAhead.Enqueue(numbers.Current);
                    if (SmsBatchContext.IsChinaMobile(numbers.Current) && ++chinaMobile >= SmsRules.ChinaMobileMarketingBatchMinimum)
                    {
                        more = await numbers.MoveNextAsync().ConfigureAwait(false);
                        break;
                    }
                }

                // When the stream ended inside the look-ahead its size is known; otherwise it holds more than one number.
                int total = more ? int.MaxValue : lookAhead.Count;
                var batch = new SmsBatchContext(() => (total, chinaMobile));

                int index = 0;
                while (!cancellationToken.IsCancellationRequested)
                {
                    string mobile;
                    if (lookAhead.Count > 0)
                    {
                        mobile = lookAhead.Dequeue();
                    }
                    else if (more)
                    {
                        mobile = numbers.Current;
                        more = false;
                    }
                    else if (await numbers.MoveNextAsync().ConfigureAwait(false))
                    {
                        mobile = numbers.Current;
                    }
                    else
                    {
                        break;
                    }

                    if (inFlight == maxConcurrency)
                    {
                        SmsBatchItemResult done = await completions.TakeAsync().ConfigureAwait(false);
                        inFlight--;
                        yield return done;
                        if (cancellationToken.IsCancellationRequested)
                        {
                            break;
                        }
                    }

                    inFlight++;
                    _ = SendOneAsync(client, createMessage, mobile, index++, batchId, batch, completions, cancellationToken);
                }

                while (inFlight > 0)
                {
                    SmsBatchItemResult done = await completions.TakeAsync().ConfigureAwait(false);
                    inFlight--;
                    yield return done;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                // An enumeration stopped early (the caller broke out, or the input threw) still waits for the sends it
                // started, so no send outlives the campaign unobserved.
                while (inFlight > 0)
                {
                    await completions.TakeAsync().ConfigureAwait(false);
                    inFlight--;
                }

                await numbers.DisposeAsync().ConfigureAwait(false);
            }
        }

        // Never throws: every outcome, an exception included, becomes the number's result in the completion queue.
        private static async Task SendOneAsync(
            IJuheSmsClient client, Func<string, SmsMessage> createMessage, string mobile, int index, string? batchId, SmsBatchContext batch, Completions completions, CancellationToken cancellationToken)
        {
            SmsBatchItemResult result;
            try
            {
                SmsMessage message = BatchMessages.Create(createMessage, mobile, batchId, batch);
                SmsSendResult sent = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                result = new SmsBatchItemResult(index, mobile, sent, null);
            }
            catch (Exception ex)
            {
                result = new SmsBatchItemResult(index, mobile, null, ex);
            }

            completions.Add(result);
        }

        /// <summary>
        /// The results of the sends in flight, in the order they complete: a queue and a count of what is in it, so that
        /// taking the next result costs the same however many sends are in flight (no WhenAny over all of them).
        /// </summary>
        private sealed class Completions
        {
            private readonly ConcurrentQueue<SmsBatchItemResult> _results = new ConcurrentQueue<SmsBatchItemResult>();
            private readonly SemaphoreSlim _ready = new SemaphoreSlim(0);

            public void Add(SmsBatchItemResult result)
            {
                _results.Enqueue(result);
                _ready.Release();
            }

            public async Task<SmsBatchItemResult> TakeAsync()
            {
                await _ready.WaitAsync().ConfigureAwait(false);
                _results.TryDequeue(out SmsBatchItemResult? result);
                return result!;
            }
        }
    }
}
