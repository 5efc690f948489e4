using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JuheSms.Sample.Web
{
    /// <summary>The body of POST /sms/code.</summary>
    /// <param name="Mobile">A mainland China mobile number.</param>
    public sealed record SmsCodeRequest(string? Mobile);

    /// <summary>The answer of an accepted POST /sms/code: the provider's message id (never the code).</summary>
    /// <param name="Sid">The provider's message id.</param>
    public sealed record SmsCodeResponse(string Sid);

    /// <summary>POST /sms/code: sends a fresh 6-digit code to the number.</summary>
    public static class SmsCodeEndpoint
    {
        /// <summary>
        /// 200 with the sid; 400 for a missing or invalid number; 429 with Retry-After when the number is throttled (the send
        /// guard, or the provider's own 205405); 503 when the guard's store is down; 502 for any other provider failure.
        /// A real application stores a hash of the code with the number and an expiry, to check it later.
        /// </summary>
        public static async Task<IResult> HandleAsync(
            SmsCodeRequest? request,
            IJuheSmsClient client,
            IOptions<SampleOptions> options,
            HttpContext http,
            ILoggerFactory loggers,
            CancellationToken cancellationToken)
        {
            if (request is null || string.IsNullOrWhiteSpace(request.Mobile))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A mobile number is required.", detail: "Send { \"mobile\": \"13800138000\" }.");
            }

            string code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            var message = new SmsMessage(request.Mobile, options.Value.CodeTemplateId, new Dictionary<string, string> { ["code"] = code })
            {
                Kind = SmsTemplateKind.Verification,
            };

            try
            {
                SmsSendResult result = await client.SendAsync(message, cancellationToken);
                return Results.Ok(new SmsCodeResponse(result.Sid));
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid mobile number.", detail: ex.Message);
            }
            catch (SmsThrottledException ex)
            {
                SetRetryAfter(http, ex.RetryAfter);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many codes for this number.", detail: ex.Message);
            }
            catch (SmsGuardUnavailableException ex)
            {
                loggers.CreateLogger(typeof(SmsCodeEndpoint)).LogError(ex, "The send guard is unavailable");
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Codes cannot be sent right now.");
            }
            catch (JuheSmsException ex) when (ex.Error == JuheSmsError.InvalidMobile)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid mobile number.", detail: ex.Reason);
            }
            catch (JuheSmsException ex) when (ex.Error == JuheSmsError.MobileAbnormalOrTooFrequent)
            {
                SetRetryAfter(http, TimeSpan.FromMinutes(1));
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many codes for this number.");
            }
            catch (JuheSmsException ex)
            {
                loggers.CreateLogger(typeof(SmsCodeEndpoint)).LogError(ex, "The code could not be sent");
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The SMS provider did not accept the code.");
            }
        }

        internal static void SetRetryAfter(HttpContext http, TimeSpan retryAfter)
            => http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
