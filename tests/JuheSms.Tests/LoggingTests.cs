using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>Logs never hold the key or the full mobile number, on every path.</summary>
    public class LoggingTests
    {
        [Fact]
        public async Task A_successful_send_logs_sending_and_the_sid_with_the_mobile_masked()
        {
            var (factory, provider) = CreateLogging();
            var client = TestData.Client(FakeHttpMessageHandler.Json(TestData.SuccessJson), loggerFactory: factory);

            await client.SendAsync(TestData.Message(mobile: "+86 138 0013 8000"));

            Assert.Contains(provider.Entries, e => e.EventId.Id == 1 && e.Message.Contains(TestData.MaskedMobile, StringComparison.Ordinal));
            CapturedLog accepted = Assert.Single(provider.Entries, e => e.EventId.Id == 2);
            Assert.Equal(LogLevel.Information, accepted.Level);
            Assert.Contains("23d6bc4913614919a823271d820662af", accepted.Message, StringComparison.Ordinal);
            Assert.Contains("fee 1", accepted.Message, StringComparison.Ordinal);
            AssertRedacted(provider);
        }

        [Fact]
        public async Task A_provider_error_is_logged_with_its_code()
        {
            var (factory, provider) = CreateLogging();
            var client = TestData.Client(FakeHttpMessageHandler.Json(TestData.ErrorJson(205405, "号码异常")), loggerFactory: factory);

            await Assert.ThrowsAsync<JuheSmsException>(() => client.SendAsync(TestData.Message()));

            CapturedLog refused = Assert.Single(provider.Entries, e => e.EventId.Id == 3);
            Assert.Equal(LogLevel.Warning, refused.Level);
            Assert.Contains("205405", refused.Message, StringComparison.Ordinal);
            AssertRedacted(provider);
        }

        [Fact]
        public async Task A_transport_failure_is_logged_with_its_exception_and_stays_redacted()
        {
            var (factory, provider) = CreateLogging();
            var handler = new FakeHttpMessageHandler((r, _) => throw new HttpRequestException("connection reset while sending " + r.BodyText.Length + " bytes"));
            var client = TestData.Client(handler, loggerFactory: factory);

            await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));

            CapturedLog failed = Assert.Single(provider.Entries, e => e.EventId.Id == 4);
            Assert.Equal(LogLevel.Error, failed.Level);
            Assert.IsType<JuheSmsTransportException>(failed.Exception);
            AssertRedacted(provider);
        }

        [Fact]
        public async Task An_unexpected_response_is_logged()
        {
            var (factory, provider) = CreateLogging();
            var client = TestData.Client(FakeHttpMessageHandler.Json("<html/>", System.Net.HttpStatusCode.BadGateway), loggerFactory: factory);

            await Assert.ThrowsAsync<JuheSmsResponseException>(() => client.SendAsync(TestData.Message()));

            Assert.Contains("502", Assert.Single(provider.Entries, e => e.EventId.Id == 5).Message, StringComparison.Ordinal);
            AssertRedacted(provider);
        }

        [Fact]
        public async Task Variable_values_are_not_logged()
        {
            var (factory, provider) = CreateLogging();
            var client = TestData.Client(FakeHttpMessageHandler.Json(TestData.SuccessJson), loggerFactory: factory);

            await client.SendAsync(TestData.Message(new System.Collections.Generic.Dictionary<string, string> { ["code"] = "secret-otp-987654" }));

            Assert.DoesNotContain(provider.Entries, e => e.AllText.Contains("987654", StringComparison.Ordinal));
        }

        private static void AssertRedacted(CapturingLoggerProvider provider)
        {
            Assert.NotEmpty(provider.Entries);
            foreach (CapturedLog entry in provider.Entries)
            {
                Assert.DoesNotContain(TestData.Key, entry.AllText, StringComparison.Ordinal);
                Assert.DoesNotContain(TestData.Mobile, entry.AllText, StringComparison.Ordinal);
                Assert.DoesNotContain("0013 8000", entry.AllText, StringComparison.Ordinal);
            }

            Assert.All(provider.Entries.Where(e => e.Category == typeof(JuheSmsClient).FullName), e => Assert.Contains(TestData.MaskedMobile, e.Message, StringComparison.Ordinal));
        }

        private static (ILoggerFactory Factory, CapturingLoggerProvider Provider) CreateLogging()
        {
            var provider = new CapturingLoggerProvider();
            ILoggerFactory factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
            return (factory, provider);
        }
    }
}
