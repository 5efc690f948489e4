using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace JuheSms.Redis
{
    /// <summary>
    /// An <see cref="ISmsSendGuard"/> shared by every instance of an application: the send times of each signature + number
    /// live in one Redis sorted set (with a TTL of the longest window), and one Lua script checks every limit and reserves the
    /// slot atomically, so any number of processes and machines hold the limits exactly together.
    /// </summary>
    /// <remarks>
    /// <para>Time: by default the script reads Redis's own clock (<c>TIME</c>), so the machines' clocks need not agree. A
    /// <see cref="TimeProvider"/> passed to the constructor is used instead (tests); every instance sharing the keys must then
    /// use the same clock. Needs Redis 5 or newer (scripts that read the clock before writing).</para>
    /// <para>Redis unreachable: <see cref="SmsGuardUnavailableException"/>, or, with <see cref="RedisSmsSendGuardOptions.FailOpen"/>,
    /// the send goes through uncounted with a warning logged.</para>
    /// <para>Redis Cluster works: each script touches one key.</para>
    /// </remarks>
    public sealed class RedisSmsSendGuard : ISmsSendGuard, IDisposable
    {
        private readonly IConnectionMultiplexer _redis;
        private readonly bool _ownsConnection;
        private readonly IReadOnlyList<SmsSendLimit> _limits;
        private readonly RedisValue[] _limitArgs;
        private readonly string _keyPrefix;
        private readonly bool _failOpen;
        private readonly TimeProvider? _timeProvider;
        private readonly ILogger _logger;

        /// <summary>Creates a guard over an existing connection (which stays the caller's to dispose).</summary>
        /// <param name="redis">The connection.</param>
        /// <param name="options">Limits, key prefix and fail-open; defaults when null.</param>
        /// <param name="timeProvider">The clock; null (the default) to use Redis's own clock, shared by every instance.</param>
        /// <param name="logger">The logger (fail-open warnings), or null.</param>
        /// <exception cref="ArgumentNullException"><paramref name="redis"/> is null.</exception>
        /// <exception cref="ArgumentException">The options hold no limit, a null one, or an empty key prefix.</exception>
        public RedisSmsSendGuard(IConnectionMultiplexer redis, RedisSmsSendGuardOptions? options = null, TimeProvider? timeProvider = null, ILogger<RedisSmsSendGuard>? logger = null)
            : this(redis, ownsConnection: false, options, timeProvider, logger)
        {
        }

        internal RedisSmsSendGuard(IConnectionMultiplexer redis, bool ownsConnection, RedisSmsSendGuardOptions? options, TimeProvider? timeProvider, ILogger? logger)
        {
            _redis = redis ?? throw new ArgumentNullException(nameof(redis));
            options ??= new RedisSmsSendGuardOptions();
            if (string.IsNullOrEmpty(options.KeyPrefix))
            {
                throw new ArgumentException(RedisStrings.KeyPrefixEmptyNeedsNamespace, nameof(options));
            }

            _ownsConnection = ownsConnection;
            _limits = options.GetCheckedLimits();
            _keyPrefix = options.KeyPrefix;
            _failOpen = options.FailOpen;
            _timeProvider = timeProvider;
            _logger = logger ?? NullLogger.Instance;

            TimeSpan longest = _limits[_limits.Count - 1].Window;
            var args = new List<RedisValue> { (long)Math.Ceiling(longest.TotalMilliseconds) };
            foreach (SmsSendLimit limit in _limits)
            {
                args.Add((long)Math.Ceiling(limit.Window.TotalMilliseconds));
                args.Add(limit.MaxSends);
            }

            _limitArgs = args.ToArray();
        }

        /// <summary>The limits applied, shortest window first.</summary>
        public IReadOnlyList<SmsSendLimit> Limits => _limits;

        /// <summary>True when the send goes through unchecked while Redis cannot be reached (<see cref="RedisSmsSendGuardOptions.FailOpen"/>).</summary>
        public bool FailOpen => _failOpen;

        /// <inheritdoc />
        public async Task<SmsGuardDecision> TryReserveAsync(string signature, string mobile, CancellationToken cancellationToken = default)
        {
            if (signature is null)
            {
                throw new ArgumentNullException(nameof(signature));
            }

            if (mobile is null)
            {
                throw new ArgumentNullException(nameof(mobile));
            }

            cancellationToken.ThrowIfCancellationRequested();
            string member = Guid.NewGuid().ToString("N");
            var args = new RedisValue[_limitArgs.Length + 2];
            args[0] = _timeProvider is null ? -1L : _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            args[1] = member;
            Array.Copy(_limitArgs, 0, args, 2, _limitArgs.Length);

            RedisResult result;
            try
            {
                // StackExchange.Redis sends EVALSHA once the script is cached on the server, EVAL otherwise.
                result = await _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.CheckAndReserve, new RedisKey[] { Key(signature, mobile) }, args).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                if (_failOpen)
                {
                    Log.FailedOpen(_logger, ex);
                    return SmsGuardDecision.Allowed(new SmsSendReservation(signature, mobile, member, _timeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow));
                }

                throw new SmsGuardUnavailableException(RedisStrings.RedisUnreachable(ex.Message), ex);
            }
            catch (RedisException ex)
            {
                throw new SmsGuardUnavailableException(RedisStrings.ScriptFailed(ex.Message), ex);
            }

            var values = (RedisResult[])result!;
            long now = (long)values[1];
            if ((long)values[0] == 1)
            {
                return SmsGuardDecision.Allowed(new SmsSendReservation(signature, mobile, member, DateTimeOffset.FromUnixTimeMilliseconds(now)));
            }

            int limitIndex = (int)values[2] - 1;
            return SmsGuardDecision.Refused(_limits[limitIndex], DateTimeOffset.FromUnixTimeMilliseconds((long)values[3]));
        }

        /// <inheritdoc />
        /// <exception cref="SmsGuardUnavailableException">Redis could not be reached (the slot stays counted until it expires).</exception>
        public async Task ReleaseAsync(SmsSendReservation reservation, CancellationToken cancellationToken = default)
        {
            if (reservation is null)
            {
                throw new ArgumentNullException(nameof(reservation));
            }

            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await _redis.GetDatabase().SortedSetRemoveAsync(Key(reservation.Signature, reservation.Mobile), reservation.Id).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException || IsUnreachable(ex))
            {
                throw new SmsGuardUnavailableException(RedisStrings.ReleaseFailed(ex.Message), ex);
            }
        }

        /// <summary>Disposes the connection when the guard made it (<c>AddRedisGuard(connectionString)</c>); otherwise does nothing.</summary>
        public void Dispose()
        {
            if (_ownsConnection)
            {
                _redis.Dispose();
            }
        }

        /// <summary>The sorted set of one signature + number: <c>{KeyPrefix}{signature}:{mobile}</c>.</summary>
        internal string Key(string signature, string mobile) => _keyPrefix + signature + ":" + mobile;

        private static bool IsUnreachable(Exception ex)
            => ex is RedisConnectionException || ex is RedisTimeoutException || ex is TimeoutException || ex is ObjectDisposedException;
    }
}
