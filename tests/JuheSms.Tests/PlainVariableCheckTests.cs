using System;
using JuheSms.Internal;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>The quick variable check of the send path never passes what the exact checks refuse.</summary>
    public class PlainVariableCheckTests
    {
        [Fact]
        public void Every_BMP_character_the_quick_check_passes_the_exact_check_passes_too()
        {
            int plain = 0;
            for (int c = 0; c <= 0xFFFF; c++)
            {
                string text = "a" + (char)c;
                if (SmsRules.IsPlainVariable(text, "v"))
                {
                    plain++;
                    SmsValidation.EnsureVariable(text, "v"); // Throws if the exact check disagrees.
                }
                else
                {
                    Assert.True(char.IsSurrogate((char)c) || Throws(() => SmsValidation.EnsureVariable(text, "v")), "name U+" + c.ToString("X4"));
                }

                if (SmsRules.IsPlainVariable("n", text))
                {
                    plain++;
                    SmsValidation.EnsureVariable("n", text);
                }
                else
                {
                    Assert.True(char.IsSurrogate((char)c) || Throws(() => SmsValidation.EnsureVariable("n", text)), "value U+" + c.ToString("X4"));
                }
            }

            Assert.True(plain > 120000); // Nearly every character takes the quick path.
        }

        [Theory]
        [InlineData(null, "v")]
        [InlineData("", "v")]
        [InlineData("n", null)]
        [InlineData("n", "😀")]
        public void Empty_missing_or_surrogate_input_is_left_to_the_exact_check(string? name, string? value)
        {
            Assert.False(SmsRules.IsPlainVariable(name, value));
        }

        private static bool Throws(Action action)
        {
            try
            {
                action();
                return false;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }
    }
}
