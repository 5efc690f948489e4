using System;
using System.Net;

namespace JuheSms
{
    /// <summary>
    /// A response came back, but it is not the provider's documented answer: a non-2xx status (for example an HTML 502 page
    /// from a gateway), an empty, truncated, oversized or non-JSON body, or JSON without an <c>error_code</c>.
    /// The outcome of the send is unknown: the provider may have accepted (and billed) it, so do not resend blindly.
    /// </summary>
    public class JuheSmsResponseException : JuheSmsException
    {
        /// <summary>The most characters of the body that <see cref="ResponseBody"/> keeps: 2048.</summary>
        public const int MaxBodyExcerptLength = 2048;

        /// <summary>Creates the exception.</summary>
        /// <param name="message">What was wrong with the response.</param>
        /// <param name="statusCode">The HTTP status code.</param>
        /// <param name="responseBody">The start of the body; cut to <see cref="MaxBodyExcerptLength"/> characters.</param>
        /// <param name="innerException">The cause, if any.</param>
        public JuheSmsResponseException(string message, HttpStatusCode statusCode, string? responseBody, Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            string body = responseBody ?? string.Empty;
            ResponseBody = body.Length > MaxBodyExcerptLength ? body.Substring(0, MaxBodyExcerptLength) : body;
        }

        /// <summary>The HTTP status code of the response.</summary>
        public HttpStatusCode StatusCode { get; }

        /// <summary>The start of the response body (at most <see cref="MaxBodyExcerptLength"/> characters), for diagnosis.</summary>
        public string ResponseBody { get; }
    }
}
