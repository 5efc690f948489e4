using Xunit;

namespace JuheSms.Tests.Idempotency
{
    /// <summary>The carrier table (rule 4 counts China Mobile numbers): three- and four-digit blocks, and what is not a number.</summary>
    public class CarrierTests
    {
        [Theory]
        [InlineData("13800138000", SmsCarrier.ChinaMobile)]
        [InlineData("13412345678", SmsCarrier.ChinaMobile)]
        [InlineData("13491234567", SmsCarrier.ChinaTelecom)] // 1349: satellite, China Telecom
        [InlineData("15012345678", SmsCarrier.ChinaMobile)]
        [InlineData("19812345678", SmsCarrier.ChinaMobile)]
        [InlineData("17031234567", SmsCarrier.ChinaMobile)] // MVNO on China Mobile
        [InlineData("17001234567", SmsCarrier.ChinaTelecom)] // MVNO on China Telecom
        [InlineData("17091234567", SmsCarrier.ChinaUnicom)] // MVNO on China Unicom
        [InlineData("13012345678", SmsCarrier.ChinaUnicom)]
        [InlineData("18612345678", SmsCarrier.ChinaUnicom)]
        [InlineData("13312345678", SmsCarrier.ChinaTelecom)]
        [InlineData("19912345678", SmsCarrier.ChinaTelecom)]
        [InlineData("19212345678", SmsCarrier.ChinaBroadnet)]
        [InlineData("+86 138-0013-8000", SmsCarrier.ChinaMobile)]
        [InlineData("15412345678", SmsCarrier.Unknown)] // no carrier's block
        [InlineData("17121234567", SmsCarrier.ChinaUnicom)]
        [InlineData("12345678901", SmsCarrier.Unknown)]
        [InlineData("not a number", SmsCarrier.Unknown)]
        [InlineData(null, SmsCarrier.Unknown)]
        public void The_carrier_comes_from_the_prefix(string? mobile, SmsCarrier expected)
        {
            Assert.Equal(expected, SmsCarriers.Of(mobile));
        }
    }
}
