using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// The carrier of a mobile number from its prefix: one table of number blocks (in the shared provider rules, with its
    /// source), used by the marketing-batch rule (the provider's page, rule 4: China Mobile wants 20 or more numbers in a
    /// marketing batch). Number portability lets a subscriber keep a number across carriers, so this is the carrier that issued it.
    /// </summary>
    public static class SmsCarriers
    {
        /// <summary>The carrier that issued <paramref name="mobile"/> (normalised first: <c>+86</c>, spaces and dashes are allowed).</summary>
        /// <param name="mobile">The number.</param>
        /// <returns>The carrier, or <see cref="SmsCarrier.Unknown"/> for a number that is not a mainland mobile number or is in no block.</returns>
        public static SmsCarrier Of(string? mobile)
            => SmsRules.TryNormalizeMobile(mobile, out string normalized) ? (SmsCarrier)SmsRules.CarrierOf(normalized) : SmsCarrier.Unknown;
    }
}
