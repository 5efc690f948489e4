namespace JuheSms
{
    /// <summary>The kind of an approved template, as declared in the templates file.</summary>
    public enum SmsTemplateKind
    {
        /// <summary>Not declared (a raw send).</summary>
        Unspecified = 0,

        /// <summary>A verification code.</summary>
        Verification = 1,

        /// <summary>A notification.</summary>
        Notification = 2,

        /// <summary>Marketing: must end with <c>拒收请回复R</c> and may only be sent 08:30–21:30 China time.</summary>
        Marketing = 3,
    }
}
