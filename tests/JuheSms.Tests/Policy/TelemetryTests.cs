using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Policy
{
    /// <summary>
    /// The ActivitySource and Meter named "JuheSms". Tests elsewhere send in parallel through the same static instruments,
    /// so each test uses its own template id and reads only its own measurements.
    /// </summary>
    public class TelemetryTests
    {
        [Fact]
        public async Task Sends_failures_segments_throttles_and_durations_are_measured()
        {
            const int tplId = 7001;
            using var recorder = new MetricsRecorder(tplId);
            var time = new FakeTimeProvider(PolicyHarness.Noon);
            var harness = new PolicyHarness(new InMemorySmsSendGuard(null, time), time: time);
            harness.Sandbox.RegisterTemplate(tplId, new string('长', 100) + "#code#"); // 100+ characters: billed as 2 segments

            await harness.Client.SendAsync(PolicyHarness.Message(tplId: tplId));
            await Assert.ThrowsAsync<SmsThrottledException>(() => harness.Client.SendAsync(PolicyHarness.Message(tplId: tplId)));
            harness.Sandbox.FailNext(205401);
            await Assert.ThrowsAsync<JuheSmsException>(() => harness.Client.SendAsync(PolicyHarness.Message("13900139000", tplId: tplId)));

            Assert.Equal(1, recorder.Sum(JuheSmsTelemetry.SentInstrument));
            Assert.Equal(2, recorder.Sum(JuheSmsTelemetry.SegmentsInstrument));
            Assert.Equal(1, recorder.Sum(JuheSmsTelemetry.ThrottledInstrument));
            Assert.Equal("1 per minute", recorder.Tag(JuheSmsTelemetry.ThrottledInstrument, JuheSmsTelemetry.LimitTag));
            Assert.Equal(1, recorder.Sum(JuheSmsTelemetry.FailedInstrument));
            Assert.Equal(205401, recorder.Tag(JuheSmsTelemetry.FailedInstrument, JuheSmsTelemetry.ErrorCodeTag));
            Assert.Equal("refused", recorder.Tag(JuheSmsTelemetry.FailedInstrument, JuheSmsTelemetry.OutcomeTag));
            Assert.Equal(2, recorder.Count(JuheSmsTelemetry.RequestDurationInstrument)); // two HTTP attempts; the throttled send made none
            Assert.Equal("verification", recorder.Tag(JuheSmsTelemetry.SentInstrument, JuheSmsTelemetry.TemplateKindTag));
        }

        [Fact]
        public async Task A_marketing_refusal_counts_as_throttled_by_the_marketing_hours()
        {
            const int tplId = 7002;
            using var recorder = new MetricsRecorder(tplId);
            var harness = new PolicyHarness(time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.FromHours(8))));
            harness.Sandbox.RegisterTemplate(tplId, "#code#拒收请回复R");

            await Assert.ThrowsAsync<SmsMarketingHoursException>(() => harness.Client.SendAsync(PolicyHarness.Message(kind: SmsTemplateKind.Marketing, tplId: tplId)));

            Assert.Equal(1, recorder.Sum(JuheSmsTelemetry.ThrottledInstrument));
            Assert.Equal(JuheSmsTelemetry.MarketingHoursLimit, recorder.Tag(JuheSmsTelemetry.ThrottledInstrument, JuheSmsTelemetry.LimitTag));
        }

        [Fact]
        public async Task The_send_activity_carries_the_masked_number_never_the_full_one_nor_the_key()
        {
            const int tplId = 7003;
            var activities = new ConcurrentQueue<Activity>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == JuheSmsTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.GetTagItem(JuheSmsTelemetry.TemplateIdTag) is int id && id == tplId)
                    {
                        activities.Enqueue(a);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
            using var recorder = new MetricsRecorder(tplId);
            var harness = new PolicyHarness();
            harness.Sandbox.RegisterTemplate(tplId, "您的验证码是#code#");

            SmsSendResult result = await harness.Client.SendAsync(PolicyHarness.Message(tplId: tplId));
            harness.Sandbox.FailNext(10001);
            await Assert.ThrowsAsync<JuheSmsException>(() => harness.Client.SendAsync(PolicyHarness.Message("13900139000", tplId: tplId)));

            Assert.Equal(2, activities.Count);
            Activity ok = activities.First();
            Assert.Equal(JuheSmsTelemetry.SendActivityName, ok.OperationName);
            Assert.Equal(ActivityKind.Client, ok.Kind);
            Assert.Equal("138****8000", ok.GetTagItem(JuheSmsTelemetry.MaskedMobileTag));
            Assert.Equal(result.Sid, ok.GetTagItem(JuheSmsTelemetry.SidTag));
            Activity failed = activities.Last();
            Assert.Equal(ActivityStatusCode.Error, failed.Status);
            Assert.Equal(10001, failed.GetTagItem(JuheSmsTelemetry.ErrorCodeTag));

            IEnumerable<string> allTagValues = activities.SelectMany(a => a.TagObjects).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
                .Concat(recorder.AllTagValues());
            Assert.DoesNotContain(allTagValues, v => v.Contains("13800138000") || v.Contains("13900139000") || v.Contains(JuheSmsSandbox.DefaultKey));
        }

        /// <summary>Records the JuheSms meter's measurements of one template id.</summary>
        private sealed class MetricsRecorder : IDisposable
        {
            private readonly MeterListener _listener = new MeterListener();
            private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

            public MetricsRecorder(int tplId)
            {
                _listener.InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == JuheSmsTelemetry.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                };
                _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(tplId, i.Name, v, tags));
                _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(tplId, i.Name, v, tags));
                _listener.Start();
            }

            public double Sum(string instrument) => _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

            public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

            public object? Tag(string instrument, string tag)
                => _measurements.Where(m => m.Instrument == instrument).SelectMany(m => m.Tags).Where(t => t.Key == tag).Select(t => t.Value).Distinct().Single();

            public IEnumerable<string> AllTagValues()
                => _measurements.SelectMany(m => m.Tags).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);

            public void Dispose() => _listener.Dispose();

            private void Add(int tplId, string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            {
                KeyValuePair<string, object?>[] copy = tags.ToArray();
                if (copy.Any(t => t.Key == JuheSmsTelemetry.TemplateIdTag && t.Value is int id && id == tplId))
                {
                    _measurements.Enqueue((instrument, value, copy));
                }
            }
        }
    }
}
