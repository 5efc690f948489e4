using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// A marketing send refused by rule 4 of the provider's page (<see cref="JuheSmsOptions.MarketingBatchRule"/> is
    /// <see cref="SmsMarketingBatchRule.Refuse"/>): a marketing message sent on its own (<see cref="IsSingleSend"/>), or a
    /// marketing batch with fewer than 20 China Mobile numbers. Nothing was sent. <see cref="JuheSmsException.ErrorCode"/> is 0.
    /// </summary>
    public class SmsMarketingBatchException : JuheSmsException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="isSingleSend">True for a marketing message sent on its own rather than in a batch.</param>
        /// <param name="chinaMobileNumbers">The China Mobile numbers of the batch (for a batch).</param>
        public SmsMarketingBatchException(bool isSingleSend, int chinaMobileNumbers)
            : base(MarketingBatchRules.Describe(isSingleSend, chinaMobileNumbers) + Strings.MarketingRefusedSuffix, null)
        {
            IsSingleSend = isSingleSend;
            ChinaMobileNumbers = chinaMobileNumbers;
        }

        /// <summary>True for a marketing message sent on its own (not through <c>SendManyAsync</c>), or a batch of one number.</summary>
        public bool IsSingleSend { get; }

        /// <summary>How many China Mobile numbers the batch holds (1 for a single send to one; 0 when none).</summary>
        public int ChinaMobileNumbers { get; }

        /// <summary>The least China Mobile numbers a marketing batch needs: 20.</summary>
        public static int ChinaMobileMinimum => SmsRules.ChinaMobileMarketingBatchMinimum;
    }
}
