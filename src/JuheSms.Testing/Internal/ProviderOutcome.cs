namespace JuheSms.Testing.Internal
{
    /// <summary>
    /// How the provider answers one send: accepted (with the message it records) or refused (code and reason).
    /// Transport-neutral, so the <see cref="JuheSmsSandbox"/> handler and the sandbox server answer alike.
    /// </summary>
    internal sealed class ProviderOutcome
    {
        private ProviderOutcome(int errorCode, string reason, SentSms? sent)
        {
            ErrorCode = errorCode;
            Reason = reason;
            Sent = sent;
        }

        /// <summary>The <c>error_code</c>: 0 when accepted.</summary>
        public int ErrorCode { get; }

        /// <summary>The <c>reason</c> of the answer.</summary>
        public string Reason { get; }

        /// <summary>The accepted message, or null when refused.</summary>
        public SentSms? Sent { get; }

        public bool IsAccepted => Sent is not null;

        public static ProviderOutcome Accepted(SentSms sent) => new ProviderOutcome(ProviderAnswer.Success, ProviderAnswer.SuccessReason, sent);

        public static ProviderOutcome Refused(int errorCode, string? reason = null)
            => new ProviderOutcome(errorCode, reason ?? ProviderAnswer.ReasonFor(errorCode), null);

        /// <summary>The answer's JSON, exactly as the provider writes it.</summary>
        public byte[] ToJson()
            => Sent is null ? ProviderAnswer.ErrorJson(ErrorCode, Reason) : ProviderAnswer.AcceptedJson(Sent.Segments, Sent.Sid);
    }
}
