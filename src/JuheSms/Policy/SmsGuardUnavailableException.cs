using System;

namespace JuheSms
{
    /// <summary>
    /// The send guard could not check the limits because its store (for example Redis) could not be reached. Nothing was
    /// sent. A guard that fails open (see its options) lets the send through instead of throwing this.
    /// </summary>
    public class SmsGuardUnavailableException : JuheSmsException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What could not be reached, and what to do.</param>
        /// <param name="innerException">The store's error.</param>
        public SmsGuardUnavailableException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
