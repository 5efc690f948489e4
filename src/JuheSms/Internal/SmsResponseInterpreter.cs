using System.Net;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// Turns a response (status and body) into the send's outcome: the result, a <see cref="JuheSmsException"/> for a
    /// provider error, or a <see cref="JuheSmsResponseException"/> for anything that is not the documented answer. Logs each.
    /// </summary>
    internal static class SmsResponseInterpreter
    {
        /// <exception cref="JuheSmsException">The provider refused the send (a non-zero <c>error_code</c>).</exception>
        /// <exception cref="JuheSmsResponseException">The response is not the documented answer.</exception>
        public static SmsSendResult Interpret(HttpStatusCode statusCode, in SmsResponseBody body, SendContext context, ILogger logger)
        {
            int status = (int)statusCode;
            if (body.TooLarge)
            {
                string problem = $"the body is larger than {SmsResponseParser.MaxResponseBytes} bytes";
                Log.UnexpectedResponse(logger, context.MaskedMobile, context.TplId, status, problem);
                throw new JuheSmsResponseException(ResponseMessage(status, problem), statusCode, SmsResponseParser.Excerpt(body.Span));
            }

            if (status < 200 || status > 299)
            {
                string problem = "the status is not a success";
                Log.UnexpectedResponse(logger, context.MaskedMobile, context.TplId, status, problem);
                throw new JuheSmsResponseException(ResponseMessage(status, problem), statusCode, SmsResponseParser.Excerpt(body.Span));
            }

            SmsResponse parsed = SmsResponseParser.Parse(body.Span);
            switch (parsed.Kind)
            {
                case SmsResponseKind.Accepted:
                    SmsSendResult result = parsed.Result!;
                    if (!parsed.HasResult)
                    {
                        Log.AcceptedWithoutResult(logger, context.MaskedMobile, context.TplId);
                    }

                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        Log.Accepted(logger, context.MaskedMobile, context.TplId, result.Sid, result.Count, result.Fee);
                    }

                    return result;

                case SmsResponseKind.ProviderError:
                    var error = new JuheSmsException(parsed.ErrorCode, parsed.Reason);
                    Log.Refused(logger, context.MaskedMobile, context.TplId, error.ErrorCode, error.Error, error.Reason);
                    throw error;

                default:
                    string malformed = parsed.Problem ?? "the body is not the provider's response";
                    Log.UnexpectedResponse(logger, context.MaskedMobile, context.TplId, status, malformed);
                    throw new JuheSmsResponseException(ResponseMessage(status, malformed), statusCode, SmsResponseParser.Excerpt(body.Span));
            }
        }

        private static string ResponseMessage(int status, string problem)
            => $"The Juhe SMS endpoint answered HTTP {status}, but {problem}; the send's outcome is unknown (it may have been accepted and billed).";
    }
}
