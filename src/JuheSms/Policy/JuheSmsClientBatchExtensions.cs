using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>Sends one template to many numbers (the provider's page, rule 4: marketing goes in batches).</summary>
    public static class JuheSmsClientBatchExtensions
    {
        /// <summary>
        /// Sends the message <paramref name="createMessage"/> makes for each number, at most
        /// <see cref="SmsBatchOptions.MaxConcurrency"/> at a time, each through <see cref="IJuheSmsClient.SendAsync"/> (so the
        /// client's send guard and marketing hours apply per number). Never throws for a number: every number gets a
        /// <see cref="SmsBatchItemResult"/> in input order, with the sid or the error (a bad number, a throttled one, a provider
        /// refusal...). Canceling stops starting new sends; the numbers not started get an <see cref="OperationCanceledException"/>
        /// as their error, and the results of those already sent are returned.
        /// </summary>
        /// <param name="client">The client.</param>
        /// <param name="mobiles">The numbers.</param>
        /// <param name="createMessage">Makes the message for one number; an exception it throws becomes that number's error.</param>
        /// <param name="options">Concurrency; defaults when null.</param>
        /// <param name="progress">Told after each number completes, or null.</param>
        /// <param name="cancellationToken">Stops the batch (see above).</param>
        /// <returns>One result per number, in input order.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="client"/>, <paramref name="mobiles"/> or <paramref name="createMessage"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><see cref="SmsBatchOptions.MaxConcurrency"/> is out of range.</exception>
        public static Task<IReadOnlyList<SmsBatchItemResult>> SendManyAsync(
            this IJuheSmsClient client,
            IEnumerable<string> mobiles,
            Func<string, SmsMessage> createMessage,
            SmsBatchOptions? options = null,
            IProgress<SmsBatchProgress>? progress = null,
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
            return new Batch(client, mobiles.ToArray(), createMessage, options.MaxConcurrency, progress).RunAsync(cancellationToken);
        }

        /// <summary>
        /// Sends <paramref name="template"/> (its template id, variables, <c>ext</c> and kind; its own number is ignored) to each of
        /// <paramref name="mobiles"/>. See the overload with a message factory for the behaviour.
        /// </summary>
        /// <param name="client">The client.</param>
        /// <param name="template">The message to copy for each number.</param>
        /// <param name="mobiles">The numbers.</param>
        /// <param name="options">Concurrency; defaults when null.</param>
        /// <param name="progress">Told after each number completes, or null.</param>
        /// <param name="cancellationToken">Stops the batch.</param>
        /// <returns>One result per number, in input order.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="client"/>, <paramref name="template"/> or <paramref name="mobiles"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><see cref="SmsBatchOptions.MaxConcurrency"/> is out of range.</exception>
        public static Task<IReadOnlyList<SmsBatchItemResult>> SendManyAsync(
            this IJuheSmsClient client,
            SmsMessage template,
            IEnumerable<string> mobiles,
            SmsBatchOptions? options = null,
            IProgress<SmsBatchProgress>? progress = null,
            CancellationToken cancellationToken = default)
        {
            if (template is null)
            {
                throw new ArgumentNullException(nameof(template));
            }

            return client.SendManyAsync(
                mobiles,
                mobile => new SmsMessage(mobile, template.TplId, template.Variables) { Ext = template.Ext, Kind = template.Kind },
                options,
                progress,
                cancellationToken);
        }

        private sealed class Batch
        {
            private readonly IJuheSmsClient _client;
            private readonly string[] _mobiles;
            private readonly Func<string, SmsMessage> _createMessage;
            private readonly int _maxConcurrency;
            private readonly IProgress<SmsBatchProgress>? _progress;
            private readonly SmsBatchItemResult[] _results;
            private readonly object _progressGate = new object();
            private int _next = -1;
            private int _completed;
            private int _succeeded;

            public Batch(IJuheSmsClient client, string[] mobiles, Func<string, SmsMessage> createMessage, int maxConcurrency, IProgress<SmsBatchProgress>? progress)
            {
                _client = client;
                _mobiles = mobiles;
                _createMessage = createMessage;
                _maxConcurrency = maxConcurrency;
                _progress = progress;
                _results = new SmsBatchItemResult[mobiles.Length];
            }

            public async Task<IReadOnlyList<SmsBatchItemResult>> RunAsync(CancellationToken cancellationToken)
            {
                int workers = Math.Min(_maxConcurrency, _mobiles.Length);
                var tasks = new Task[workers];
                for (int i = 0; i < workers; i++)
                {
                    tasks[i] = Task.Run(() => WorkAsync(cancellationToken));
                }

                await Task.WhenAll(tasks).ConfigureAwait(false);
                return _results;
            }

            // Each worker takes the next index until none is left: at most _maxConcurrency sends in flight.
            private async Task WorkAsync(CancellationToken cancellationToken)
            {
                int index;
                while ((index = Interlocked.Increment(ref _next)) < _mobiles.Length)
                {
                    SmsBatchItemResult result = await SendOneAsync(index, cancellationToken).ConfigureAwait(false);
                    Complete(result);
                }
            }

            private async Task<SmsBatchItemResult> SendOneAsync(int index, CancellationToken cancellationToken)
            {
                string? mobile = _mobiles[index];
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    SmsMessage message = _createMessage(mobile!)
                        ?? throw new ArgumentException(Strings.BatchFactoryReturnedNull, "createMessage");
                    SmsSendResult sent = await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                    return new SmsBatchItemResult(index, mobile, sent, null);
                }
                catch (Exception ex)
                {
                    return new SmsBatchItemResult(index, mobile, null, ex);
                }
            }

            private void Complete(SmsBatchItemResult result)
            {
                _results[result.Index] = result;
                lock (_progressGate)
                {
                    _completed++;
                    if (result.Succeeded)
                    {
                        _succeeded++;
                    }

                    try
                    {
                        _progress?.Report(new SmsBatchProgress(_mobiles.Length, _completed, _succeeded, result));
                    }
                    catch (Exception)
                    {
                        // A failing progress handler must not lose the results of the numbers already sent.
                    }
                }
            }
        }
    }
}
