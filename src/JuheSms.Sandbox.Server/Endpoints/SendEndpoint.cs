using System;
using System.IO;
using System.Threading.Tasks;
using JuheSms.Sandbox.Hosting;
using JuheSms.Testing.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace JuheSms.Sandbox.Endpoints
{
    /// <summary>
    /// The provider's endpoint, <c>/sms/send</c>: every method reaches it (the provider answers 205410 for one it does not
    /// take), fields come from the query and, for a form POST, from the body, exactly as <c>JuheSmsSandbox</c> reads them.
    /// </summary>
    internal static class SendEndpoint
    {
        public const string Path = SandboxProvider.SendPath;

        // A send is a few hundred bytes; anything near this is not a send.
        private const int MaxBodyBytes = 1 << 20;

        public static async Task HandleAsync(HttpContext context, SandboxState state)
        {
            HttpRequest request = context.Request;
            byte[]? body = null;
            if (HttpMethods.IsPost(request.Method)
                && MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? mediaType)
                && SandboxProvider.IsFormMediaType(mediaType.MediaType.Value))
            {
                body = await ReadBodyAsync(request);
                if (body is null)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
            }

            SendDecision decision = state.Decide(request.Method, SandboxProvider.ReadFields(request.QueryString.Value, body));
            if (decision.DelayMs > 0)
            {
                try
                {
                    await Task.Delay(decision.DelayMs, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up waiting (its time-out): nobody is left to answer.
                    return;
                }
            }

            if (decision.DropConnection)
            {
                // Accepted and recorded, then the connection is cut before any answer: the client cannot know the
                // message went out, which is the case where a blind retry sends (and bills) it twice.
                context.Abort();
                return;
            }

            byte[] json = decision.Outcome.ToJson();
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = json.Length;
            await context.Response.Body.WriteAsync(json, context.RequestAborted);
        }

        private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
