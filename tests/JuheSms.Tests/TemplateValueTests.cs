using System;
using System.Text.RegularExpressions;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>
    /// <see cref="SmsValidation.EnsureTemplateValue(string?, string, string, int, Regex?)"/> and its integer overload: the one
    /// place the generated methods check a value, so every generated template gets the same rules and messages.
    /// </summary>
    public class TemplateValueTests
    {
        private static readonly Regex Digits = new Regex("^[0-9]{4,8}$", RegexOptions.CultureInvariant);

        [Fact]
        public void A_valid_string_comes_back_unchanged()
        {
            Assert.Equal("1234", SmsValidation.EnsureTemplateValue("1234", "code", "code", 8, Digits));
            Assert.Equal("张三", SmsValidation.EnsureTemplateValue("张三", "name", "name"));
        }

        [Fact]
        public void A_value_at_its_maximum_length_passes_and_one_more_character_fails()
        {
            Assert.Equal("12345678", SmsValidation.EnsureTemplateValue("12345678", "code", "code", 8));
            ArgumentException ex = Assert.Throws<ArgumentException>(() => SmsValidation.EnsureTemplateValue("123456789", "orderNo", "order_no", 8));
            Assert.Equal("orderNo", ex.ParamName);
            Assert.StartsWith("The value of 'orderNo' (#order_no#) must be at most 8 characters; it has 9.", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_value_that_does_not_match_names_the_parameter_and_the_pattern()
        {
            ArgumentException ex = Assert.Throws<ArgumentException>(() => SmsValidation.EnsureTemplateValue("12ab", "code", "code", pattern: Digits));
            Assert.Equal("code", ex.ParamName);
            Assert.StartsWith("The value of 'code' (#code#) does not match the pattern ^[0-9]{4,8}$.", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("12#4")]
        [InlineData("【官方】")]
        [InlineData("line\nbreak")]
        public void Unsafe_characters_are_refused_before_the_length_and_the_pattern(string value)
        {
            ArgumentException ex = Assert.Throws<ArgumentException>(() => SmsValidation.EnsureTemplateValue(value, "name", "name", 100));
            Assert.Equal("name", ex.ParamName);
            Assert.Contains("must not contain '#', '【', '】' or control characters", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Null_is_an_ArgumentNullException_naming_the_parameter()
        {
            ArgumentNullException ex = Assert.Throws<ArgumentNullException>(() => SmsValidation.EnsureTemplateValue(null, "name", "name"));
            Assert.Equal("name", ex.ParamName);
        }

        [Fact]
        public void Integers_are_sent_in_invariant_form_and_the_minus_sign_counts()
        {
            Assert.Equal("-5", SmsValidation.EnsureTemplateValue(-5, "minutes", "minutes", 2));
            Assert.Equal("9223372036854775807", SmsValidation.EnsureTemplateValue(long.MaxValue, "amount", "amount"));
            ArgumentException ex = Assert.Throws<ArgumentException>(() => SmsValidation.EnsureTemplateValue(-10, "minutes", "minutes", 2));
            Assert.Equal("minutes", ex.ParamName);
            Assert.StartsWith("The value of 'minutes' (#minutes#) must be at most 2 characters; it has 3.", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_integer_pattern_is_matched_against_its_text()
        {
            Assert.Equal("1234", SmsValidation.EnsureTemplateValue(1234, "code", "code", pattern: Digits));
            ArgumentException ex = Assert.Throws<ArgumentException>(() => SmsValidation.EnsureTemplateValue(12, "code", "code", pattern: Digits));
            Assert.Equal("code", ex.ParamName);
        }
    }
}
