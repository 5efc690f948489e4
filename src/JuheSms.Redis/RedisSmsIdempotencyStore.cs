using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace JuheSms.Redis
{
    /// <summary>
    /// An <see cref="ISmsIdempotencyStore"/> shared by every process and machine of an application, that outlives a crash of
    /// any of them: each idempotency key is one Redis hash (<c>{KeyPrefix}{key}</c>) that expires
    /// <see cref="SmsIdempotencyOptions.Retention"/> after its last change, and each step (begin, complete, mark unknown,
    /// release) is one Lua script, so two senders of one key never both go out and a campaign run by several workers is
    /// split between them.
    /// </summary>
    /// <remarks>
    /// <para>Time: by default the scripts read Redis's own clock (<c>TIME</c>) for the leases, so the machines' clocks need not
    /// agree. A <see cref="TimeProvider"/> passed to the constructor is used instead (tests); every instance sharing the keys
    /// must then use the same clock.</para>
    /// <para>Redis unreachable: every step throws <see cref="SmsIdempotencyUnavailableException"/>; the client then sends
    /// nothing (there is no fail-open: a send that cannot be recorded could be repeated).</para>
    /// <para>Durability: a key is as durable as Redis makes it. With persistence off, a Redis restart forgets the keys (a
    /// rerun could then send again): run it with AOF (<c>appendonly yes</c>) when campaigns must survive a Redis crash.</para>
    /// </remarks>
    public sealed class RedisSmsIdempotencyStore : ISmsIdempotencyStore, IDisposable
    {
        private readonly IConnectionMultiplexer _redis;
        private readonly bool _ownsConnection;
        private readonly string _keyPrefix;
        private readonly long _retentionMs;
        private readonly TimeProvider? _timeProvider;

        /// <summary>Creates a store over an existing connection (which stays the caller's to dispose).</summary>
        /// <param name="redis">The connection.</param>
        /// <param name="options">Retention and key prefix; defaults when null.</param>
        /// <param name="timeProvider">The clock; null (the default) to use Redis's own clock, shared by every instance.</param>
        /// <exception cref="ArgumentNullException"><paramref name="redis"/> is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public RedisSmsIdempotencyStore(IConnectionMultiplexer redis, RedisSmsIdempotencyStoreOptions? options = null, TimeProvider? timeProvider = null)
            : this(redis, ownsConnection: false, options, timeProvider)
        {
        }

        internal RedisSmsIdempotencyStore(IConnectionMultiplexer redis, bool ownsConnection, RedisSmsIdempotencyStoreOptions? options, TimeProvider? timeProvider)
        {
            _redis = redis ?? throw new ArgumentNullException(nameof(redis));
            options ??= new RedisSmsIdempotencyStoreOptions();
            options.Validate();
            _ownsConnection = ownsConnection;
            _keyPrefix = options.KeyPrefix;
            _retentionMs = Math.Max(1, (long)Math.Ceiling(options.Retention.TotalMilliseconds));
            _timeProvider = timeProvider;
        }

        /// <summary>How long a key is remembered after its last change.</summary>
        public TimeSpan Retention => TimeSpan.FromMilliseconds(_retentionMs);

        /// <inheritdoc />
        /// <exception cref="SmsIdempotencyUnavailableException">Redis could not be reached, or the script failed.</exception>
        public async Task<SmsIdempotencyDecision> TryBeginAsync(string key, TimeSpan lease, CancellationToken cancellationToken = default)
        {
            if (key is null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            cancellationToken.ThrowIfCancellationRequested();
            string token = Guid.NewGuid().ToString("N");
            long leaseMs = lease > TimeSpan.Zero ? (long)Math.Ceiling(lease.TotalMilliseconds) : 0;
            RedisValue[] args = { Now(), token, leaseMs, _retentionMs };
            var values = (RedisResult[])(await EvaluateAsync(RedisScripts.IdempotencyBegin, key, args).ConfigureAwait(false))!;
            switch ((int)values[0])
            {
                case 1:
                    return SmsIdempotencyDecision.Started(new SmsIdempotencyLease(key, token, DateTimeOffset.FromUnixTimeMilliseconds((long)values[1])));
                case 2:
                    return SmsIdempotencyDecision.Completed(new SmsSendResult((int)values[1], (int)values[2], (string?)values[3] ?? string.Empty));
                case 3:
                    return SmsIdempotencyDecision.InFlight;
                default:
                    return SmsIdempotencyDecision.OutcomeUnknown;
            }
        }

        /// <inheritdoc />
        /// <exception cref="SmsIdempotencyUnavailableException">Redis could not be reached (the key stays in flight and then reads as of unknown outcome).</exception>
        public async Task CompleteAsync(SmsIdempotencyLease lease, SmsSendResult result, CancellationToken cancellationToken = default)
        {
            if (lease is null)
            {
                throw new ArgumentNullException(nameof(lease));
            }

            if (result is null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            RedisValue[] args = { lease.Token, result.Count, result.Fee, result.Sid, _retentionMs };
            await EvaluateAsync(RedisScripts.IdempotencyComplete, lease.Key, args).ConfigureAwait(false);
        }

        /// <inheritdoc />
        /// <exception cref="SmsIdempotencyUnavailableException">Redis could not be reached (the key stays in flight and then reads as of unknown outcome).</exception>
        public async Task MarkUnknownAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default)
        {
            if (lease is null)
            {
                throw new ArgumentNullException(nameof(lease));
            }

            await EvaluateAsync(RedisScripts.IdempotencyMarkUnknown, lease.Key, new RedisValue[] { lease.Token, _retentionMs }).ConfigureAwait(false);
        }

        /// <inheritdoc />
        /// <exception cref="SmsIdempotencyUnavailableException">Redis could not be reached (the key stays taken: it errs on the safe side).</exception>
        public async Task ReleaseAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default)
        {
            if (lease is null)
            {
                throw new ArgumentNullException(nameof(lease));
            }

            await EvaluateAsync(RedisScripts.IdempotencyRelease, lease.Key, new RedisValue[] { lease.Token }).ConfigureAwait(false);
        }

        /// <summary>Disposes the connection when the store made it (<c>AddRedisIdempotency(connectionString)</c>); otherwise does nothing.</summary>
        public void Dispose()
        {
            if (_ownsConnection)
            {
                _redis.Dispose();
            }
        }

        /// <summary>The hash of one idempotency key: <c>{KeyPrefix}{key}</c>.</summary>
        internal string RedisKey(string key) => _keyPrefix + key;

        private long Now() => _timeProvider is null ? -1L : _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

        private async Task<RedisResult> EvaluateAsync(string script, string key, RedisValue[] args)
        {
            try
            {
                // StackExchange.Redis sends EVALSHA once the script is cached on the server, EVAL otherwise.
                return await _redis.GetDatabase().ScriptEvaluateAsync(script, new RedisKey[] { RedisKey(key) }, args).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException || ex is TimeoutException || ex is ObjectDisposedException)
            {
                throw new SmsIdempotencyUnavailableException(ex);
            }
        }
    }
}
