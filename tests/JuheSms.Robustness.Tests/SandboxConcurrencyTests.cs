using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Robustness.Tests
{
    /// <summary>
    /// 10,000 sends by 64 concurrent senders through <see cref="JuheSmsClient"/> to one <see cref="JuheSmsSandbox"/>: the
    /// per-number limits hold exactly (no lost and no double-counted send). Time is a FakeTimeProvider advanced between
    /// rounds; within a round all sends happen at the same instant, so the expected outcome does not depend on the order
    /// the threads run in, and a simple model of the page's windows (1/min, 3/10 min, 4/h, 20/24 h) predicts it.
    /// </summary>
    public sealed class SandboxConcurrencyTests
    {
        private const int Senders = 64;
        private const int Rounds = 100;
        private const int SendsPerRound = 100;
        private const int Numbers = 40;

        private static readonly (TimeSpan Window, int Max)[] Limits =
        {
            (TimeSpan.FromMinutes(1), 1), (TimeSpan.FromMinutes(10), 3), (TimeSpan.FromHours(1), 4), (TimeSpan.FromDays(1), 20),
        };

        private static readonly TimeSpan[] Steps =
        {
            TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(5),
        };

        [Fact]
        public async Task Sixty_four_senders_keep_the_per_number_limits_exactly()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2025, 11, 25, 8, 0, 0, TimeSpan.Zero));
            var sandbox = new JuheSmsSandbox(timeProvider: time).RegisterTemplate(1, "您的验证码是#code#，5分钟内有效。");
            using var http = new HttpClient(sandbox);
            var client = new JuheSmsClient(http, new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = new Uri("http://v.juhe.cn/sms/send") }, null, time);

            var random = new Random(20251125);
            var model = new Dictionary<string, List<DateTimeOffset>>();
            int expectedAccepted = 0;
            int accepted = 0;
            int refused = 0;

            for (int round = 0; round < Rounds; round++)
            {
                // This round's sends: each to one of the numbers, some numbers several times, some not at all.
                string[] targets = Enumerable.Range(0, SendsPerRound).Select(_ => Mobile(random.Next(Numbers))).ToArray();
                var queue = new ConcurrentQueue<string>(targets);
                var acceptedByNumber = new ConcurrentDictionary<string, int>();

                Task[] senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
                {
                    while (queue.TryDequeue(out string? mobile))
                    {
                        try
                        {
                            await client.SendAsync(new SmsMessage(mobile, 1, new Dictionary<string, string> { ["code"] = "1234" }));
                            acceptedByNumber.AddOrUpdate(mobile, 1, (_, n) => n + 1);
                            Interlocked.Increment(ref accepted);
                        }
                        catch (JuheSmsException ex) when (ex.ErrorCode == 205405)
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }
                })).ToArray();
                await Task.WhenAll(senders);

                // The model: at one instant at most one send per number can pass (1 per minute), if every window allows it.
                DateTimeOffset now = time.GetUtcNow();
                foreach (string mobile in targets.Distinct())
                {
                    List<DateTimeOffset> history = model.TryGetValue(mobile, out List<DateTimeOffset>? h) ? h : model[mobile] = new List<DateTimeOffset>();
                    bool allowed = Limits.All(limit => history.Count(t => now - t < limit.Window) < limit.Max);
                    int expected = allowed ? 1 : 0;
                    if (allowed)
                    {
                        history.Add(now);
                        expectedAccepted++;
                    }

                    Assert.True(expected == acceptedByNumber.GetValueOrDefault(mobile),
                        $"Round {round}, {mobile}: expected {expected} accepted, got {acceptedByNumber.GetValueOrDefault(mobile)}");
                }

                time.Advance(Steps[random.Next(Steps.Length)]);
            }

            Assert.Equal(Rounds * SendsPerRound, accepted + refused);
            Assert.Equal(Rounds * SendsPerRound, sandbox.Requests);
            Assert.Equal(expectedAccepted, accepted);
            Assert.Equal(accepted, sandbox.Sent.Count);

            // The limits were exercised both ways.
            Assert.True(refused > 1000 && accepted > 500, $"accepted {accepted}, refused {refused}");
        }

        private static string Mobile(int i) => "1380000" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }
}
