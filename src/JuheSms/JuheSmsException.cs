using System;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// The provider refused a send (a non-zero <c>error_code</c>), or — as one of the derived exceptions — answered with
    /// something that is not its documented response (<see cref="JuheSmsResponseException"/>) or did not answer at all
    /// (<see cref="JuheSmsTransportException"/>).
    /// </summary>
    public class JuheSmsException : Exception
    {
        /// <summary>Creates the exception for a provider error code.</summary>
        /// <param name="errorCode">The provider's <c>error_code</c>.</param>
        /// <param name="reason">The provider's <c>reason</c> text (may be null or empty when the response had none).</param>
        public JuheSmsException(int errorCode, string reason)
            : base(FormatMessage(errorCode, reason))
        {
            ErrorCode = errorCode;
            Reason = reason ?? string.Empty;
        }

        /// <summary>Creates an exception that carries no provider code (<see cref="ErrorCode"/> 0, <see cref="Error"/> <see cref="JuheSmsError.None"/>).</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="innerException">The cause, if any.</param>
        protected JuheSmsException(string message, Exception? innerException)
            : base(message, innerException)
        {
            ErrorCode = 0;
            Reason = string.Empty;
        }

        /// <summary>The provider's <c>error_code</c>; 0 when the failure carried no provider code.</summary>
        public int ErrorCode { get; }

        /// <summary>The provider's <c>reason</c> text; empty when there was none.</summary>
        public string Reason { get; }

        /// <summary>
        /// The code as a <see cref="JuheSmsError"/>: <see cref="JuheSmsError.Unknown"/> for a code the page does not list
        /// (<see cref="ErrorCode"/> keeps it), <see cref="JuheSmsError.None"/> when there was no provider code.
        /// </summary>
        public JuheSmsError Error => JuheSmsErrors.GetError(ErrorCode);

        /// <summary>True for a system-level code (<c>1xxxx</c>: key, IP, limits, maintenance) rather than a service-level one (<c>2xxxxx</c>).</summary>
        public bool IsSystemLevel => JuheSmsErrors.IsSystemLevel(ErrorCode);

        /// <summary>
        /// True only for the codes after which the provider's page says to retry — <c>205403</c> (network error, please
        /// retry) and <c>205409</c> (system busy, retry later) — where it did not send. Always false for a time-out, a
        /// network failure or an unexpected response, where the message may already have been accepted and billed.
        /// </summary>
        public bool IsRetryable => JuheSmsErrors.IsRetryable(ErrorCode);

        /// <summary>
        /// A short description of the documented meaning of <see cref="ErrorCode"/>, in the current UI culture when there is
        /// a translation (Chinese for <c>zh-Hans</c>), else in English. <see cref="Reason"/> keeps the provider's own text.
        /// </summary>
        public string Description => JuheSmsErrors.Describe(ErrorCode);

        private static string FormatMessage(int errorCode, string? reason)
        {
            string description = JuheSmsErrors.Describe(errorCode);
            return string.IsNullOrEmpty(reason)
                ? Strings.ProviderErrorWithoutReason(errorCode, description)
                : Strings.ProviderErrorWithReason(errorCode, reason!, description);
        }
    }
}
