using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.Options;
using Xunit;

namespace JuheSms.Tests
{
    public class OptionsTests
    {
        [Fact]
        public void Defaults_are_the_documented_ones()
        {
            var options = new JuheSmsOptions();

            Assert.Equal(new Uri("https://v.juhe.cn/sms/send"), options.Endpoint);
            Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
            Assert.Equal(VariableEncoding.Vars, options.VariableEncoding);
            Assert.False(options.RetryOnRetryableErrors);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public async Task A_missing_key_fails_on_first_send_naming_Key_and_nothing_is_sent(string? key)
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var client = TestData.Client(handler, o => o.Key = key);

            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => client.SendAsync(TestData.Message()));

            Assert.Contains("JuheSmsOptions.Key", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, handler.CallCount);
        }

        [Fact]
        public void A_key_with_a_line_break_is_rejected_without_echoing_it()
        {
            var options = TestData.Options(o => o.Key = "secret-key-value\n");

            string failure = Assert.Single(JuheSmsOptionsValidator.GetFailures(options));

            Assert.Contains("JuheSmsOptions.Key", failure, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-key-value", failure, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("/sms/send", "relative")]
        [InlineData("ftp://v.juhe.cn/sms/send", "scheme 'ftp'")]
        [InlineData("file:///tmp/x", "scheme 'file'")]
        [InlineData("https://v.juhe.cn/sms/send?key=abc", "query string")]
        public void A_bad_endpoint_is_rejected_naming_Endpoint(string endpoint, string detail)
        {
            var options = TestData.Options(o => o.Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute));

            string failure = Assert.Single(JuheSmsOptionsValidator.GetFailures(options));

            Assert.Contains("JuheSmsOptions.Endpoint", failure, StringComparison.Ordinal);
            Assert.Contains(detail, failure, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_endpoint_is_rejected()
        {
            string failure = Assert.Single(JuheSmsOptionsValidator.GetFailures(TestData.Options(o => o.Endpoint = null)));

            Assert.Contains("JuheSmsOptions.Endpoint", failure, StringComparison.Ordinal);
        }

        [Fact]
        public void Http_stays_allowed()
        {
            Assert.Empty(JuheSmsOptionsValidator.GetFailures(TestData.Options(o => o.Endpoint = new Uri("http://v.juhe.cn/sms/send"))));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void A_timeout_that_is_not_positive_is_rejected_naming_Timeout(int seconds)
        {
            string failure = Assert.Single(JuheSmsOptionsValidator.GetFailures(TestData.Options(o => o.Timeout = TimeSpan.FromSeconds(seconds))));

            Assert.Contains("JuheSmsOptions.Timeout", failure, StringComparison.Ordinal);
        }

        [Fact]
        public void An_undefined_variable_encoding_is_rejected()
        {
            string failure = Assert.Single(JuheSmsOptionsValidator.GetFailures(TestData.Options(o => o.VariableEncoding = (VariableEncoding)7)));

            Assert.Contains("JuheSmsOptions.VariableEncoding", failure, StringComparison.Ordinal);
        }

        [Fact]
        public void Retry_settings_are_checked_only_when_retry_is_on()
        {
            Assert.Empty(JuheSmsOptionsValidator.GetFailures(TestData.Options(o => o.MaxRetries = 99)));

            var failures = JuheSmsOptionsValidator.GetFailures(TestData.Options(o =>
            {
                o.RetryOnRetryableErrors = true;
                o.MaxRetries = 99;
                o.RetryDelay = TimeSpan.FromSeconds(-1);
            }));

            Assert.Equal(2, failures.Count);
            Assert.Contains(failures, f => f.Contains("JuheSmsOptions.MaxRetries", StringComparison.Ordinal));
            Assert.Contains(failures, f => f.Contains("JuheSmsOptions.RetryDelay", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_failure_is_reported_at_once()
        {
            var options = new JuheSmsOptions { Key = null, Endpoint = new Uri("/x", UriKind.Relative), Timeout = TimeSpan.Zero };

            var result = new JuheSmsOptionsValidator().Validate(Options.DefaultName, options);

            Assert.True(result.Failed);
            Assert.Equal(3, result.Failures!.Count());
        }

        [Fact]
        public void Valid_options_pass()
        {
            Assert.True(new JuheSmsOptionsValidator().Validate(null, TestData.Options()).Succeeded);
        }

        [Fact]
        public async Task Options_are_taken_on_the_first_send_and_later_changes_are_not_seen()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var options = TestData.Options();
            var client = new JuheSmsClient(new HttpClient(handler), options);

            await client.SendAsync(TestData.Message());
            options.Key = "changed";
            await client.SendAsync(TestData.Message());

            Assert.All(handler.Requests, r => Assert.Equal(TestData.Key, r.Form["key"]));
        }

        [Fact]
        public void Constructors_reject_null_arguments()
        {
            Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new JuheSmsClient(null!, TestData.Options())).ParamName);
            Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new JuheSmsClient(new HttpClient(), (JuheSmsOptions)null!)).ParamName);
        }
    }
}
