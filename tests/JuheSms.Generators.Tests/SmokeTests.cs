using Xunit;

namespace JuheSms.Generators.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void Shared_rules_are_linked_into_the_generator()
        {
            Assert.Equal(2, JuheSms.Internal.SmsRules.CountSegments(71));
        }
    }
}
