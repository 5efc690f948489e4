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
        /// Submits one message. An accepted submission is billed; it is never retried automatically. With an idempotency
        /// store and an <see cref="SmsMessage.IdempotencyKey"/>, a repeat of a completed send returns its first result
        /// (<see cref="SmsSendResult.IsReplayed"/>) without a request.
        /// </summary>
        /// <param name="message">The message: mobile number, template id, variables and optional <c>ext</c>.</param>
        /// <param name="cancellationToken">Cancels the send.</param>
        /// <returns>The provider's result (<c>count</c>, <c>fee</c>, <c>sid</c>).</returns>
        /// <exception cref="System.ArgumentException">The message is invalid (the parameter name says what: <c>message</c>, <c>mobile</c>, <c>tplId</c>, <c>ext</c>, <c>idempotencyKey</c>, <c>variables</c>); nothing was sent.</exception>
        /// <exception cref="JuheSmsException">The provider refused the message (<see cref="JuheSmsException.ErrorCode"/>, <see cref="JuheSmsException.Error"/>).</exception>
        /// <exception cref="SmsMarketingHoursException">A marketing message outside 08:30–21:30 China time, when the client enforces the hours; nothing was sent.</exception>
        /// <exception cref="SmsThrottledException">A send guard refused: the number would go over a carrier limit (<see cref="SmsThrottledException.RetryAt"/>); nothing was sent.</exception>
        /// <exception cref="SmsIdempotencyConflictException">With an idempotency store: an earlier send with the same <see cref="SmsMessage.IdempotencyKey"/> is in flight or may have been accepted; nothing was sent.</exception>
        /// <exception cref="SmsIdempotencyUnavailableException">With an idempotency store: it could not be reached; nothing was sent.</exception>
        /// <exception cref="SmsMarketingBatchException">A marketing message sent singly while <see cref="JuheSmsOptions.MarketingBatchRule"/> is <see cref="SmsMarketingBatchRule.Refuse"/>; nothing was sent.</exception>
        /// <exception cref="SmsGuardUnavailableException">A send guard's store (e.g. Redis) could not be reached and the guard does not fail open; nothing was sent.</exception>
        /// <exception cref="JuheSmsResponseException">A response came back but it is not the provider's documented answer (status and the start of the body are kept); the outcome is unknown.</exception>
        /// <exception cref="JuheSmsTransportException">No response: network failure or time-out; <see cref="JuheSmsTransportException.RequestMayHaveBeenReceived"/> says whether it may have been sent.</exception>
        /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
        Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
    }
}
