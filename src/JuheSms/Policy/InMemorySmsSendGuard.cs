using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// An <see cref="ISmsSendGuard"/> for one process: exact sliding windows per signature + mobile number, on a
    /// <see cref="TimeProvider"/>. Check-and-reserve is one step under a lock, so concurrent senders never exceed a limit and
    /// none is counted twice. Memory stays bounded: a number's history is trimmed to the longest window at each send, and
    /// numbers with nothing left in any window are forgotten by a sweep that runs at most once a minute.
    /// For an application running on several machines use <c>RedisSmsSendGuard</c> (package <c>JuheSms.Redis</c>) instead:
    /// each process's in-memory guard only sees its own sends.
    /// </summary>
    public sealed class InMemorySmsSendGuard : ISmsSendGuard
    {
        private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

        private readonly object _gate = new object();
        private readonly Dictionary<string, List<SendRecord>> _sends = new Dictionary<string, List<SendRecord>>(StringComparer.Ordinal);
        private readonly IReadOnlyList<SmsSendLimit> _limits;
        private readonly TimeSpan _longestWindow;
        private readonly TimeProvider _timeProvider;
        private long _nextId;
        private long _lastSweepTicks;

        /// <summary>Creates a guard with the carriers' limits (<see cref="SmsSendLimit.CarrierDefaults"/>) on the system clock.</summary>
        public InMemorySmsSendGuard()
            : this(null, null)
        {
        }

        /// <summary>Creates a guard.</summary>
        /// <param name="options">The limits; <see cref="SmsSendLimit.CarrierDefaults"/> when null.</param>
        /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
        /// <exception cref="ArgumentException">The options hold no limit or a null one.</exception>
        public InMemorySmsSendGuard(SmsSendGuardOptions? options, TimeProvider? timeProvider = null)
        {
            _limits = (options ?? new SmsSendGuardOptions()).GetCheckedLimits();
            _longestWindow = _limits[_limits.Count - 1].Window;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _lastSweepTicks = _timeProvider.GetUtcNow().UtcTicks;
        }

        /// <summary>The limits applied, shortest window first.</summary>
        public IReadOnlyList<SmsSendLimit> Limits => _limits;

        /// <summary>How many signature + number keys are remembered now (for monitoring; it shrinks as histories expire).</summary>
        public int TrackedKeyCount
        {
            get { lock (_gate) { return _sends.Count; } }
        }

        /// <inheritdoc />
        public Task<SmsGuardDecision> TryReserveAsync(string signature, string mobile, CancellationToken cancellationToken = default)
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
            return Task.FromResult(TryReserve(signature, mobile));
        }

        /// <inheritdoc />
        public Task ReleaseAsync(SmsSendReservation reservation, CancellationToken cancellationToken = default)
        {
            if (reservation is null)
            {
                throw new ArgumentNullException(nameof(reservation));
            }

            if (!long.TryParse(reservation.Id, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            {
                // Not one of ours: nothing to release.
                return Task.CompletedTask;
            }

            lock (_gate)
            {
                if (_sends.TryGetValue(Key(reservation.Signature, reservation.Mobile), out List<SendRecord>? sends))
                {
                    int index = sends.FindIndex(r => r.Id == id);
                    if (index >= 0)
                    {
                        sends.RemoveAt(index);
                    }
                }
            }

            return Task.CompletedTask;
        }

        private SmsGuardDecision TryReserve(string signature, string mobile)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            long nowTicks = now.UtcTicks;
            string key = Key(signature, mobile);
            lock (_gate)
            {
                SweepIfDue(nowTicks);
                if (!_sends.TryGetValue(key, out List<SendRecord>? sends))
                {
                    sends = new List<SendRecord>(4);
                    _sends.Add(key, sends);
                }

                SlidingWindows.Prune(sends, nowTicks, _longestWindow);
                (SmsSendLimit Limit, long ReopensAtTicks)? refusal = SlidingWindows.FindRefusal(_limits, sends, nowTicks);
                if (refusal is { } r)
                {
                    return SmsGuardDecision.Refused(r.Limit, new DateTimeOffset(r.ReopensAtTicks, TimeSpan.Zero));
                }

                long id = ++_nextId;
                SlidingWindows.Insert(sends, new SendRecord(nowTicks, id));
                return SmsGuardDecision.Allowed(new SmsSendReservation(signature, mobile, id.ToString(CultureInfo.InvariantCulture), now));
            }
        }

        // Under _gate. Forgets keys whose sends all left the longest window; at most once per SweepInterval, so the cost
        // is one pass over the keys per minute however many sends there are.
        private void SweepIfDue(long nowTicks)
        {
            if (nowTicks - _lastSweepTicks < SweepInterval.Ticks && nowTicks >= _lastSweepTicks)
            {
                return;
            }

            _lastSweepTicks = nowTicks;
            List<string>? expired = null;
            foreach (KeyValuePair<string, List<SendRecord>> pair in _sends)
            {
                SlidingWindows.Prune(pair.Value, nowTicks, _longestWindow);
                if (pair.Value.Count == 0)
                {
                    (expired ??= new List<string>()).Add(pair.Key);
                }
            }

            if (expired is not null)
            {
                foreach (string key in expired)
                {
                    _sends.Remove(key);
                }
            }
        }

        private static string Key(string signature, string mobile) => signature + "\n" + mobile;
    }
}
