using System.Threading;
using System.Threading.Tasks;

namespace JuheSms
{
    /// <summary>
    /// Sends SMS through the Juhe SMS send API (<c>v.juhe.cn/sms/send</c>).
    /// The generated <c>Send{Template}Async</c> extension methods build on this interface.
    /// </summary>
    public interface IJuheSmsClient
    {
        /// <summary>
        /// Submits one message. An accepted submission is billed; it is never retried automatically.
        /// </summary>
        /// <param name="message">The message: mobile number, template id, variables and optional <c>ext</c>.</param>
        /// <param name="cancellationToken">Cancels the send.</param>
        /// <returns>The provider's result (<c>count</c>, <c>fee</c>, <c>sid</c>).</returns>
        /// <exception cref="System.ArgumentException">The message is invalid; nothing was sent.</exception>
        /// <exception cref="JuheSmsException">The provider refused the message, or answered with something that is not its documented response.</exception>
        Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
    }
}
