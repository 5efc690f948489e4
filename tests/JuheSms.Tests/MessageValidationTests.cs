using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>Every invalid message fails with an ArgumentException naming the parameter, before any network call.</summary>
    public class MessageValidationTests
    {
        private readonly FakeHttpMessageHandler _handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);

        [Fact]
        public async Task A_null_message_is_rejected()
        {
            var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => TestData.Client(_handler).SendAsync(null!));

            Assert.Equal("message", ex.ParamName);
            Assert.Equal(0, _handler.CallCount);
        }

        [Theory]
        [InlineData("12345")]
        [InlineData("23800138000")]
        [InlineData("12800138000")]
        [InlineData("138001380001")]
        [InlineData("+1 415 555 0100")]
        [InlineData("1380013800a")]
        [InlineData("")]
        public async Task A_mobile_that_is_not_mainland_is_rejected(string mobile)
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => TestData.Client(_handler).SendAsync(TestData.Message(mobile: mobile)));

            Assert.Equal("mobile", ex.ParamName);
            Assert.Contains("mainland China mobile number", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, _handler.CallCount);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-5)]
        public async Task A_template_id_that_is_not_positive_is_rejected(int tplId)
        {
            var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TestData.Client(_handler).SendAsync(TestData.Message(tplId: tplId)));

            Assert.Equal("tplId", ex.ParamName);
            Assert.Equal(0, _handler.CallCount);
        }

        [Theory]
        [InlineData("")]
        [InlineData("1234567890")]
        [InlineData("12a")]
        [InlineData(" 12")]
        public async Task An_ext_that_is_not_1_to_9_digits_is_rejected(string ext)
        {
            var message = TestData.Message();
            message.Ext = ext;

            var ex = await Assert.ThrowsAsync<ArgumentException>(() => TestData.Client(_handler).SendAsync(message));

            Assert.Equal("ext", ex.ParamName);
            Assert.Equal(0, _handler.CallCount);
        }

        [Theory]
        [InlineData("code", "12#34", "'#'")]
        [InlineData("code", "【签名】", "'【'")]
        [InlineData("code", "line\nbreak", "line feed")]
        public async Task An_unsafe_value_is_rejected_naming_the_variable(string name, string value, string expectedDetail)
        {
            var message = TestData.Message(new Dictionary<string, string> { ["ok"] = "1", [name] = value });

            var ex = await Assert.ThrowsAsync<ArgumentException>(() => TestData.Client(_handler).SendAsync(message));

            Assert.Equal("variables", ex.ParamName);
            Assert.Contains("'" + name + "'", ex.Message, StringComparison.Ordinal);
            Assert.Contains(expectedDetail, ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, _handler.CallCount);
        }

        [Fact]
        public async Task A_value_with_a_lone_surrogate_is_rejected()
        {
            // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
            string value = "bad" + (char)0xD800 + "surrogate";
            var message = TestData.Message(new Dictionary<string, string> { ["code"] = value });

            var ex = await Assert.ThrowsAsync<ArgumentException>(() => TestData.Client(_handler).SendAsync(message));

            Assert.Equal("variables", ex.ParamName);
            Assert.Contains("lone surrogate", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, _handler.CallCount);
        }

        [Fact]
        public async Task A_null_value_is_rejected_naming_the_variable()
        {
            var message = TestData.Message(new Dictionary<string, string> { ["code"] = null! });

            var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => TestData.Client(_handler).SendAsync(message));

            Assert.Equal("variables", ex.ParamName);
            Assert.Contains("'code'", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, _handler.CallCount);
        }

        [Theory]
        [InlineData("")]
        [InlineData("#code#")]
        [InlineData("a&b")]
        [InlineData("a=b")]
        [InlineData("a b")]
        [InlineData("a\tb")]
        public async Task An_invalid_variable_name_is_rejected(string name)
        {
            var message = TestData.Message(new Dictionary<string, string> { [name] = "1" });

            var ex = await Assert.ThrowsAsync<ArgumentException>(() => TestData.Client(_handler).SendAsync(message));

            Assert.Equal("variables", ex.ParamName);
            Assert.Contains("variable name", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, _handler.CallCount);
        }

        [Fact]
        public async Task A_rejected_mobile_is_masked_in_the_message()
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => TestData.Client(_handler).SendAsync(TestData.Message(mobile: "23800138000")));

            Assert.DoesNotContain("23800138000", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Amp_equals_percent_and_plus_are_accepted_in_values()
        {
            var message = TestData.Message(new Dictionary<string, string> { ["v"] = "a&b=c%+" });

            await TestData.Client(_handler).SendAsync(message);

            Assert.Equal(1, _handler.CallCount);
        }
    }
}
