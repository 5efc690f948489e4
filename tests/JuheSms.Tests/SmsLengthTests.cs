using Xunit;

namespace JuheSms.Tests
{
    public class SmsLengthTests
    {
        // The provider's page, rule 4: <= 70 characters (signature included) is one message, longer is billed per 67.
        [Theory]
        [InlineData(0, 1)]
        [InlineData(1, 1)]
        [InlineData(70, 1)]
        [InlineData(71, 2)]
        [InlineData(134, 2)]
        [InlineData(135, 3)]
        [InlineData(201, 3)]
        [InlineData(202, 4)]
        public void Segments_follow_the_70_67_rule(int length, int expected)
        {
            Assert.Equal(expected, SmsLength.CountSegments(length));
            Assert.Equal(expected, SmsLength.CountSegments(new string('短', length)));
        }

        [Fact]
        public void An_emoji_counts_as_two_units()
        {
            Assert.Equal(1, SmsLength.CountSegments(new string('a', 68) + "😀"));
            Assert.Equal(2, SmsLength.CountSegments(new string('a', 69) + "😀"));
        }
    }
}
