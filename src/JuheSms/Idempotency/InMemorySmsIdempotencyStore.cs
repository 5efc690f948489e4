using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// An <see cref="ISmsIdempotencyStore"/> for one process, on a <see cref="TimeProvider"/>: every step is one lock-held
    /// change of a dictionary, so concurrent sends with one key never both go out. Memory is bounded: a key is forgotten
    /// <see cref="SmsIdempotencyOptions.Retention"/> after its last change (expired keys are swept in the order they were
    /// written, at most once a second and whenever the store is full), and at most
    /// <see cref="InMemorySmsIdempotencyStoreOptions.MaxKeys"/> keys are held; beyond that a new key is refused (nothing is sent).
    /// </summary>
    /// <remarks>
    /// It lives in the process's memory: a process that dies forgets its keys, so a campaign that must survive a crash, or be
    /// shared by several processes, uses <c>RedisSmsIdempotencyStore</c> (package <c>JuheSms.Redis</c>).
    /// </remarks>
    public sealed class InMemorySmsIdempotencyStore : ISmsIdempotencyStore
    {
        private static readonly long SweepIntervalTicks = TimeSpan.FromSeconds(1).Ticks;

        private readonly object _gate = new object();
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

        // Every write appends (key, entry, expiry); retention is the same for all, so expiries come out in order.
        private readonly Queue<Expiry> _expiries = new Queue<Expiry>();
        private readonly StoreClock _clock;
        private readonly long _retentionTicks;
        private readonly int _maxKeys;
        private long _nextToken;
        private long _lastSweepTicks;

        /// <summary>Creates a store with the default retention (24 hours) and bound, on the system clock.</summary>
        public InMemorySmsIdempotencyStore()
            : this(null, null)
        {
        }

        /// <summary>Creates a store.</summary>
        /// <param name="options">Retention and bound; defaults when null.</param>
        /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public InMemorySmsIdempotencyStore(InMemorySmsIdempotencyStoreOptions? options, TimeProvider? timeProvider = null)
        {
            options ??= new InMemorySmsIdempotencyStoreOptions();
            options.Validate();
            _retentionTicks = options.Retention.Ticks;
            _maxKeys = options.MaxKeys;
            _clock = StoreClock.For(timeProvider ?? TimeProvider.System);
            _lastSweepTicks = _clock.UtcNowTicks();
        }

        /// <summary>How many keys are held now (for monitoring; it shrinks as keys expire).</summary>
        public int Count
        {
            get { lock (_gate) { return _entries.Count; } }
        }

        /// <inheritdoc />
        /// <exception cref="SmsIdempotencyUnavailableException">The store is full (<see cref="InMemorySmsIdempotencyStoreOptions.MaxKeys"/>) and no key has expired.</exception>
        public Task<SmsIdempotencyDecision> TryBeginAsync(string key, TimeSpan lease, CancellationToken cancellationToken = default)
        {
            if (key is null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            cancellationToken.ThrowIfCancellationRequested();
            long nowTicks = _clock.UtcNowTicks();
            var now = new DateTimeOffset(nowTicks, TimeSpan.Zero);
            lock (_gate)
            {
                SweepIfDue(nowTicks, force: false);
                bool found = _entries.TryGetValue(key, out Entry entry);
                if (found && entry.ExpiresTicks > nowTicks)
                {
                    return Task.FromResult(entry.State switch
                    {
                        State.Completed => SmsIdempotencyDecision.Completed(entry.Result.ToResult()),
                        State.Pending when entry.LeaseEndsTicks > nowTicks => SmsIdempotencyDecision.InFlight,
                        _ => SmsIdempotencyDecision.OutcomeUnknown,
                    });
                }

                if (!found && _entries.Count >= _maxKeys)
                {
                    SweepIfDue(nowTicks, force: true);
                    if (_entries.Count >= _maxKeys)
                    {
                        throw new SmsIdempotencyUnavailableException(Strings.IdempotencyInMemoryStoreFull(_maxKeys), null);
                    }
                }

                long token = ++_nextToken;
                DateTimeOffset leaseEnds = now + (lease > TimeSpan.Zero ? lease : TimeSpan.Zero);
                var taken = new Entry { Token = token, LeaseEndsTicks = leaseEnds.UtcTicks };
                Write(key, taken, nowTicks);
                return Task.FromResult(SmsIdempotencyDecision.Started(new SmsIdempotencyLease(key, token.ToString(CultureInfo.InvariantCulture), leaseEnds)));
            }
        }

        /// <inheritdoc />
        public Task CompleteAsync(SmsIdempotencyLease lease, SmsSendResult result, CancellationToken cancellationToken = default)
        {
            if (lease is null)
            {
                throw new ArgumentNullException(nameof(lease));
            }

            if (result is null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            long nowTicks = _clock.UtcNowTicks();
            lock (_gate)
            {
                if (TryGetOwned(lease, out Entry entry))
                {
                    entry.State = State.Completed;
                    entry.Result = KeptResult.From(result);
                    Write(lease.Key, entry, nowTicks);
                }
            }

            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public Task MarkUnknownAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default)
        {
            if (lease is null)
            {
                throw new ArgumentNullException(nameof(lease));
            }

            long nowTicks = _clock.UtcNowTicks();
            lock (_gate)
            {
                if (TryGetOwned(lease, out Entry entry) && entry.State == State.Pending)
                {
                    entry.State = State.Unknown;
                    Write(lease.Key, entry, nowTicks);
                }
            }

            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public Task ReleaseAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default)
        {
            if (lease is null)
            {
                throw new ArgumentNullException(nameof(lease));
            }

            lock (_gate)
            {
                if (TryGetOwned(lease, out Entry entry) && entry.State == State.Pending)
                {
                    _entries.Remove(lease.Key);
                }
            }

            return Task.CompletedTask;
        }

        // Under _gate: the entry of the lease's key when this lease still holds it.
        private bool TryGetOwned(SmsIdempotencyLease lease, out Entry entry)
            => _entries.TryGetValue(lease.Key, out entry)
                && lease.Token is { Length: > 0 } text
                && text[0] != '0' // The tokens are 1, 2, 3... written without leading zeros: "07" is not token 7.
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long token)
                && token == entry.Token;

        // Under _gate: (re)writes the entry with a fresh retention.
        private void Write(string key, Entry entry, long nowTicks)
        {
            entry.ExpiresTicks = nowTicks + _retentionTicks;
            _entries[key] = entry;
            _expiries.Enqueue(new Expiry(key, entry.ExpiresTicks));
        }

        // Under _gate. The queue is in write order, so the sweep stops at the first expiry still ahead; a queued expiry
        // whose entry was rewritten since (a later expiry) or replaced is skipped.
        private void SweepIfDue(long nowTicks, bool force)
        {
            if (!force && nowTicks - _lastSweepTicks < SweepIntervalTicks && nowTicks >= _lastSweepTicks)
            {
                return;
            }

            _lastSweepTicks = nowTicks;
            while (_expiries.Count > 0 && _expiries.Peek().ExpiresTicks <= nowTicks)
            {
                Expiry expiry = _expiries.Dequeue();
                // Whichever write queued this expiry, an entry past its own expiry is dead (TryBeginAsync ignores it).
                if (_entries.TryGetValue(expiry.Key, out Entry entry) && entry.ExpiresTicks <= nowTicks)
                {
                    _entries.Remove(expiry.Key);
                }
            }

            // Released keys leave their queued expiries behind; keep the queue from outgrowing the keys by much.
            if (_expiries.Count > 2 * (_entries.Count + 1024))
            {
                var live = new Queue<Expiry>(_entries.Count);
                foreach (Expiry expiry in _expiries)
                {
                    if (_entries.TryGetValue(expiry.Key, out Entry entry) && entry.ExpiresTicks == expiry.ExpiresTicks)
                    {
                        live.Enqueue(expiry);
                    }
                }

                _expiries.Clear();
                foreach (Expiry expiry in live)
                {
                    _expiries.Enqueue(expiry);
                }
            }
        }

        private enum State
        {
            Pending,
            Completed,
            Unknown,
        }

        // A value in the dictionary's own array, not an object per key: the store keeps every key for its retention, so
        // each object per key is one more for the garbage collector to promote (at a high send rate the main cost).
        private struct Entry
        {
            public long Token;

            public State State;

            public long LeaseEndsTicks;

            public long ExpiresTicks;

            public KeptResult Result;
        }

        /// <summary>
        /// A completed send's result as the store keeps it, without an object of its own: the count, the fee and the sid,
        /// which in the provider's usual form (32 lower-case hexadecimal digits) is kept as two numbers and written out
        /// again when a repeat asks. A key lives for the retention, so every object it held would be copied up the
        /// collector's generations on the way; this way only the key's own string is.
        /// </summary>
        private struct KeptResult
        {
            private int _count;
            private int _fee;
            private ulong _sidHigh;
            private ulong _sidLow;
            private string? _sid; // Any other sid, as it came.

            public static KeptResult From(SmsSendResult result)
            {
                var kept = new KeptResult { _count = result.Count, _fee = result.Fee };
                if (!TryPackHex(result.Sid, out kept._sidHigh, out kept._sidLow))
                {
                    kept._sid = result.Sid;
                }

                return kept;
            }

            public SmsSendResult ToResult() => new SmsSendResult(_count, _fee, _sid ?? UnpackHex(_sidHigh, _sidLow));

            private static bool TryPackHex(string sid, out ulong high, out ulong low)
            {
                high = 0;
                low = 0;
                if (sid.Length != 32)
                {
                    return false;
                }

                for (int i = 0; i < 32; i++)
                {
                    char c = sid[i];
                    uint digit = (uint)(c - '0') <= 9 ? (uint)(c - '0') : (uint)(c - 'a') <= 5 ? (uint)(c - 'a' + 10) : 16;
                    if (digit > 15)
                    {
                        return false; // Upper case or not hexadecimal: kept as it came, so that a repeat gets the same text.
                    }

                    if (i < 16)
                    {
                        high = (high << 4) | digit;
                    }
                    else
                    {
                        low = (low << 4) | digit;
                    }
                }

                return true;
            }

            private static string UnpackHex(ulong high, ulong low)
                => high.ToString("x16", CultureInfo.InvariantCulture) + low.ToString("x16", CultureInfo.InvariantCulture);
        }

        private readonly struct Expiry
        {
            public Expiry(string key, long expiresTicks)
            {
                Key = key;
                ExpiresTicks = expiresTicks;
            }

            public string Key { get; }

            public long ExpiresTicks { get; }
        }
    }
}
