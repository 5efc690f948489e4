using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Testing;
using Xunit;

namespace JuheSms.Tests.Idempotency
{
    /// <summary><see cref="SmsMessage.IdempotencyKey"/> and <see cref="SmsBatchOptions.BatchId"/> are checked before any network call.</summary>
    public class IdempotencyKeyValidationTests
    {
        public static IEnumerable<object[]> BadKeys() => new[]
        {
            new object[] { "", "empty" },
            new object[] { "   ", "white space" },
            new object[] { new string('k', 201), "201 characters" },
            new object[] { "order\n1", "U+000A" },
            new object[] { "order\u00011", "U+0001" },
        };

        [Theory]
        [MemberData(nameof(BadKeys))]
        public async Task A_bad_key_is_an_ArgumentException_naming_it_and_nothing_is_sent(string key, string expected)
        {
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            var client = new JuheSmsClient(new HttpClient(sandbox), new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey });
            var message = new SmsMessage("13800138000", 1, new Dictionary<string, string> { ["code"] = "1234" }) { IdempotencyKey = key };

            var ex = await Assert.ThrowsAsync<ArgumentException>("idempotencyKey", () => client.SendAsync(message));

            Assert.Contains("IdempotencyKey", ex.Message);
            Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, sandbox.Requests);
        }

        [Fact]
        public async Task A_key_with_a_lone_surrogate_is_refused()
        {
            // Not theory data: xunit's serialisation of theory arguments would replace the lone surrogate.
            await A_bad_key_is_an_ArgumentException_naming_it_and_nothing_is_sent("order\ud800", "surrogate");
        }

        [Theory]
        [InlineData("k")]
        [InlineData("订单-2026-11-25:13800138000")]
        public async Task A_key_of_1_to_200_characters_is_accepted(string key)
        {
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            var client = new JuheSmsClient(new HttpClient(sandbox), new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey });

            await client.SendAsync(new SmsMessage("13800138000", 1, new Dictionary<string, string> { ["code"] = "1234" }) { IdempotencyKey = key });
            await client.SendAsync(new SmsMessage("13900139000", 1, new Dictionary<string, string> { ["code"] = "1234" }) { IdempotencyKey = new string('k', SmsMessage.MaxIdempotencyKeyLength) });

            Assert.Equal(2, sandbox.Requests);
            Assert.Equal(200, SmsMessage.MaxIdempotencyKeyLength);
        }

        [Theory]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("campaign\t1")]
        public async Task A_bad_BatchId_is_an_ArgumentException_naming_it(string batchId)
        {
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            var client = new JuheSmsClient(new HttpClient(sandbox), new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey });

            var ex = await Assert.ThrowsAsync<ArgumentException>("BatchId", () => client.SendManyAsync(
                new SmsMessage("", 1, new Dictionary<string, string> { ["code"] = "1234" }), new[] { "13800138000" }, new SmsBatchOptions { BatchId = batchId }));

            Assert.Contains("BatchId", ex.Message);
            Assert.Equal(0, sandbox.Requests);
        }

        [Fact]
        public async Task A_BatchId_too_long_for_the_key_with_its_number_is_refused()
        {
            var client = new JuheSmsClient(new HttpClient(new JuheSmsSandbox()), new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey });
            var template = new SmsMessage("", 1, new Dictionary<string, string>());

            var ex = await Assert.ThrowsAsync<ArgumentException>("BatchId", () => client.SendManyAsync(template, new[] { "13800138000" }, new SmsBatchOptions { BatchId = new string('b', 189) }));
            Assert.Contains("188", ex.Message);
        }
    }
}
