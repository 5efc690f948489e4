using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.Time.Testing;

namespace JuheSms.Tests.Policy
{
    /// <summary>A client over the sandbox with a fake clock and, optionally, a guard.</summary>
    internal sealed class PolicyHarness
    {
        public const int TplId = 1;
        public const string Mobile = "13800138000";

        // 2026-11-25 12:00 China time (04:00 UTC): inside the marketing hours.
        public static readonly DateTimeOffset Noon = new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

        public PolicyHarness(ISmsSendGuard? guard = null, Action<JuheSmsOptions>? configure = null, FakeTimeProvider? time = null)
        {
            Time = time ?? new FakeTimeProvider(Noon);
            Sandbox = new JuheSmsSandbox(timeProvider: Time).RegisterTemplate(TplId, "您的验证码是#code#，5分钟内有效。");
            var options = new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = new Uri("http://v.juhe.cn/sms/send") };
            configure?.Invoke(options);
            Client = new JuheSmsClient(new HttpClient(Sandbox), options, null, Time, guard);
        }

        public FakeTimeProvider Time { get; }

        public JuheSmsSandbox Sandbox { get; }

        public JuheSmsClient Client { get; }

        public static SmsMessage Message(string mobile = Mobile, SmsTemplateKind kind = SmsTemplateKind.Verification, int tplId = TplId)
            => new SmsMessage(mobile, tplId, new Dictionary<string, string> { ["code"] = "1234" }) { Kind = kind };
    }

    /// <summary>A guard that records its calls and answers what the test says.</summary>
    internal sealed class RecordingGuard : ISmsSendGuard
    {
        private readonly Func<string, string, SmsGuardDecision> _decide;

        public RecordingGuard(Func<string, string, SmsGuardDecision>? decide = null)
        {
            _decide = decide ?? ((signature, mobile) => SmsGuardDecision.Allowed(new SmsSendReservation(signature, mobile, "r1", DateTimeOffset.UnixEpoch)));
        }

        public ConcurrentQueue<(string Signature, string Mobile)> Reserved { get; } = new ConcurrentQueue<(string, string)>();

        public ConcurrentQueue<SmsSendReservation> Released { get; } = new ConcurrentQueue<SmsSendReservation>();

        public Task<SmsGuardDecision> TryReserveAsync(string signature, string mobile, CancellationToken cancellationToken = default)
        {
            Reserved.Enqueue((signature, mobile));
            return Task.FromResult(_decide(signature, mobile));
        }

        public Task ReleaseAsync(SmsSendReservation reservation, CancellationToken cancellationToken = default)
        {
            Released.Enqueue(reservation);
            return Task.CompletedTask;
        }
    }
}
