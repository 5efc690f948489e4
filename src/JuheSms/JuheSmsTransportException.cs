using System;

namespace JuheSms
{
    /// <summary>
    /// No response came back: the connection failed, broke, or the attempt ran past <see cref="JuheSmsOptions.Timeout"/>.
    /// <see cref="RequestMayHaveBeenReceived"/> says whether the provider may have accepted (and billed) the message.
    /// A send is never retried automatically after this exception.
    /// </summary>
    public class JuheSmsTransportException : JuheSmsException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What failed.</param>
        /// <param name="isTimeout">True when <see cref="JuheSmsOptions.Timeout"/> (or <c>HttpClient.Timeout</c>) ran out.</param>
        /// <param name="requestMayHaveBeenReceived">False only when the request body was certainly never written out.</param>
        /// <param name="innerException">The cause, if any.</param>
        public JuheSmsTransportException(string message, bool isTimeout, bool requestMayHaveBeenReceived, Exception? innerException = null)
            : base(message, innerException)
        {
            IsTimeout = isTimeout;
            RequestMayHaveBeenReceived = requestMayHaveBeenReceived;
        }

        /// <summary>True when the attempt ran past its time-out; false for a network failure.</summary>
        public bool IsTimeout { get; }

        /// <summary>
        /// True once the request body had started to go out: the provider may then have accepted and billed the message
        /// even though no answer arrived (check before resending). False when the failure came before the body was written
        /// (for example, the connection was refused): the message was not sent.
        /// </summary>
        public bool RequestMayHaveBeenReceived { get; }
    }
}
