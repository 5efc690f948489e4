using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Testing;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JuheSms.Tests.Idempotency
{
    /// <summary>A client over the sandbox (or a given handler) with a fake clock, an idempotency store and captured logs.</summary>
    internal sealed class IdempotencyHarness
    {
        public const int TplId = 1;
        public const string Mobile = "13800138000";

        // 2026-11-25 12:00 China time (04:00 UTC): inside the marketing hours.
        public static readonly DateTimeOffset Noon = new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

        public IdempotencyHarness(
            ISmsIdempotencyStore? store = null,
            ISmsSendGuard? guard = null,
            Action<JuheSmsOptions>? configure = null,
            HttpMessageHandler? handler = null,
            bool withStore = true)
        {
            Time = new FakeTimeProvider(Noon);
            Sandbox = new JuheSmsSandbox(timeProvider: Time).RegisterTemplate(TplId, "您的验证码是#code#，5分钟内有效。");
            Sandbox.EnforceFrequencyLimits = false;
            Store = withStore ? store ?? new InMemorySmsIdempotencyStore(null, Time) : null;
            Options = new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = new Uri("http://v.juhe.cn/sms/send") };
            configure?.Invoke(Options);
            ILoggerFactory factory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            Client = new JuheSmsClient(new HttpClient(handler ?? Sandbox), Options, factory.CreateLogger<JuheSmsClient>(), Time, guard, Store);
        }

        public FakeTimeProvider Time { get; }

        public JuheSmsSandbox Sandbox { get; }

        public ISmsIdempotencyStore? Store { get; }

        public JuheSmsOptions Options { get; }

        public CapturingLoggerProvider Logs { get; } = new CapturingLoggerProvider();

        public JuheSmsClient Client { get; }

        public IEnumerable<CapturedLog> Events(int eventId) => Logs.Entries.Where(e => e.EventId.Id == eventId);

        public static SmsMessage Message(string? key, string mobile = Mobile, SmsTemplateKind kind = SmsTemplateKind.Verification)
            => new SmsMessage(mobile, TplId, new Dictionary<string, string> { ["code"] = "1234" }) { Kind = kind, IdempotencyKey = key };
    }

    /// <summary>A store that records its calls and delegates to an in-memory store, or throws when told to.</summary>
    internal sealed class RecordingStore : ISmsIdempotencyStore
    {
        private readonly InMemorySmsIdempotencyStore _inner;

        public RecordingStore(TimeProvider time)
        {
            _inner = new InMemorySmsIdempotencyStore(null, time);
        }

        public ConcurrentQueue<string> Calls { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<TimeSpan> Leases { get; } = new ConcurrentQueue<TimeSpan>();

        public Exception? FailBegin { get; set; }

        public Exception? FailRecord { get; set; }

        public Task<SmsIdempotencyDecision> TryBeginAsync(string key, TimeSpan lease, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue("begin " + key);
            Leases.Enqueue(lease);
            return FailBegin is { } ex ? Task.FromException<SmsIdempotencyDecision>(ex) : _inner.TryBeginAsync(key, lease, cancellationToken);
        }

        public Task CompleteAsync(SmsIdempotencyLease lease, SmsSendResult result, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue("complete " + lease.Key);
            return FailRecord is { } ex ? Task.FromException(ex) : _inner.CompleteAsync(lease, result, cancellationToken);
        }

        public Task MarkUnknownAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue("unknown " + lease.Key);
            return FailRecord is { } ex ? Task.FromException(ex) : _inner.MarkUnknownAsync(lease, cancellationToken);
        }

        public Task ReleaseAsync(SmsIdempotencyLease lease, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue("release " + lease.Key);
            return FailRecord is { } ex ? Task.FromException(ex) : _inner.ReleaseAsync(lease, cancellationToken);
        }
    }
}
