using System;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// The idempotency store (for example Redis) could not be reached or could not take the key, so a repeat could not be
    /// ruled out and nothing was sent: the same fail-closed rule as the send guard's. <see cref="JuheSmsException.ErrorCode"/> is 0.
    /// </summary>
    public class SmsIdempotencyUnavailableException : JuheSmsException
    {
        /// <summary>Creates the exception with a message of its own and the store's error.</summary>
        /// <param name="innerException">The store's error.</param>
        public SmsIdempotencyUnavailableException(Exception? innerException)
            : base(Strings.IdempotencyStoreUnavailable(innerException?.Message), innerException)
        {
        }

        /// <summary>Creates the exception.</summary>
        /// <param name="message">What could not be reached, and what to do.</param>
        /// <param name="innerException">The store's error, or null.</param>
        public SmsIdempotencyUnavailableException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
