namespace JuheSms
{
    /// <summary>The mainland carrier that issued a mobile number, from its prefix (<see cref="SmsCarriers.Of"/>).</summary>
    public enum SmsCarrier
    {
        /// <summary>Not a mainland mobile number, or a block in no carrier's list.</summary>
        Unknown = 0,

        /// <summary>China Mobile (中国移动), including the MVNO blocks on its network.</summary>
        ChinaMobile = 1,

        /// <summary>China Unicom (中国联通), including the MVNO blocks on its network.</summary>
        ChinaUnicom = 2,

        /// <summary>China Telecom (中国电信), including the MVNO blocks on its network.</summary>
        ChinaTelecom = 3,

        /// <summary>China Broadnet (中国广电, 192).</summary>
        ChinaBroadnet = 4,
    }
}
