using System;

namespace JuheSms
{
    /// <summary>
    /// The provider refused a send (a non-zero <c>error_code</c>), or answered with something that is not its documented response.
    /// </summary>
    /// <remarks>Skeleton: the runtime client (issue 2) completes it with the error table.</remarks>
    public class JuheSmsException : Exception
    {
        /// <summary>Creates the exception for a provider error code.</summary>
        public JuheSmsException(int errorCode, string reason)
            : base($"Juhe SMS error {errorCode}: {reason}")
        {
            ErrorCode = errorCode;
            Reason = reason ?? string.Empty;
        }

        /// <summary>The provider's <c>error_code</c>.</summary>
        public int ErrorCode { get; }

        /// <summary>The provider's <c>reason</c> text.</summary>
        public string Reason { get; }
    }
}
