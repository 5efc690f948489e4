using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JuheSms.Sandbox.Endpoints
{
    /// <summary>The API's JSON: camelCase, Chinese kept readable, nulls written (a missing field and a null one read alike).</summary>
    internal static class SandboxJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };

        public static Task WriteAsync<T>(HttpContext context, T value, int statusCode = StatusCodes.Status200OK)
        {
            context.Response.StatusCode = statusCode;
            return context.Response.WriteAsJsonAsync(value, Options, "application/json; charset=utf-8", context.RequestAborted);
        }

        /// <summary><c>{"error": "..."}</c> with a 4xx status: what the API answers to a request it cannot take.</summary>
        public static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
            => WriteAsync(context, new ApiError(message), statusCode);

        public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

        private sealed record ApiError(string Error);
    }
}
