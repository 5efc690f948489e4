using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace JuheSms.Internal
{
    /// <summary>
    /// Turns a response (status and body) into the send's outcome: the result, a <see cref="JuheSmsException"/> for a
    /// provider error, or a <see cref="JuheSmsResponseException"/> for anything that is not the documented answer. Logs each
    /// (the log's problem text in English; the exception's message in the current UI culture).
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
                throw Unexpected(statusCode, body, context, logger, SmsResponse.Malformed("ProblemTooLarge", SmsResponseParser.MaxResponseBytes.ToString(CultureInfo.InvariantCulture)));
            }

            if (status < 200 || status > 299)
            {
                throw Unexpected(statusCode, body, context, logger, SmsResponse.Malformed("ProblemStatusNotSuccess"));
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
                    throw Unexpected(statusCode, body, context, logger, parsed);
            }
        }

        private static JuheSmsResponseException Unexpected(HttpStatusCode statusCode, in SmsResponseBody body, SendContext context, ILogger logger, SmsResponse malformed)
        {
            int status = (int)statusCode;
            Log.UnexpectedResponse(logger, context.MaskedMobile, context.TplId, status, malformed.Problem ?? Strings.Get("ProblemNotProviderResponse", CultureInfo.InvariantCulture));
            string problem = malformed.DescribeProblem(CultureInfo.CurrentUICulture) ?? Strings.Get("ProblemNotProviderResponse");
            return new JuheSmsResponseException(Strings.ResponseUnexpected(status, problem), statusCode, SmsResponseParser.Excerpt(body.Span));
        }
    }
}
