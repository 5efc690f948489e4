using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JuheSms.Testing.Internal
{
    /// <summary>The provider's error codes and reasons (the page, section 2) and its JSON answer shape (the page's examples).</summary>
    internal static class ProviderAnswer
    {
        public const int Success = 0;
        public const int WrongKey = 10001;
        public const int WrongMobile = 205401;
        public const int WrongTemplateId = 205402;
        public const int SendFailed = 205404;
        public const int TooFrequent = 205405;
        public const int WrongMethod = 205410;

        public const string SuccessReason = "短信发送成功";

        // The page's own wording, so that a client test sees what production would send.
        private static readonly Dictionary<int, string> Reasons = new Dictionary<int, string>
        {
            [205401] = "错误的手机号码",
            [205402] = "错误的短信模板ID",
            [205403] = "网络错误,请重试",
            [205404] = "发送失败,具体原因请参考返回reason",
            [205405] = "号码异常/同一号码发送次数过于频繁",
            [205406] = "不被支持的模板",
            [205407] = "批量发送号码超限",
            [205408] = "批量发送库存次数不足",
            [205409] = "系统繁忙,请稍后重试",
            [205410] = "请求方法错误",
            [10001] = "错误的请求KEY",
            [10002] = "该KEY无请求权限",
            [10003] = "KEY过期",
            [10004] = "错误的OPENID",
            [10005] = "应用未审核超时,请提交认证",
            [10007] = "未知的请求源",
            [10008] = "被禁止的IP",
            [10009] = "被禁止的KEY",
            [10011] = "当前IP请求超过限制",
            [10012] = "请求超过次数限制",
            [10013] = "测试KEY超过请求限制",
            [10014] = "系统内部异常",
            [10020] = "接口维护",
            [10021] = "接口停用",
        };

        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            // Chinese as characters, like the provider, rather than \uXXXX (both are the same JSON).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>The page's reason for <paramref name="errorCode"/>, or a generic one for a code the page does not list.</summary>
        public static string ReasonFor(int errorCode)
            => Reasons.TryGetValue(errorCode, out string? reason) ? reason : "发送失败";

        /// <summary><c>{"reason":"...","result":null,"error_code":N}</c>, as the provider answers (with HTTP 200).</summary>
        public static byte[] ErrorJson(int errorCode, string reason)
            => Json(writer =>
            {
                writer.WriteString("reason", reason);
                writer.WriteNull("result");
                writer.WriteNumber("error_code", errorCode);
            });

        /// <summary><c>{"reason":"短信发送成功","result":{"count":1,"fee":F,"sid":"..."},"error_code":0}</c>.</summary>
        public static byte[] AcceptedJson(int fee, string sid)
            => Json(writer =>
            {
                writer.WriteString("reason", SuccessReason);
                writer.WriteStartObject("result");
                writer.WriteNumber("count", 1);
                writer.WriteNumber("fee", fee);
                writer.WriteString("sid", sid);
                writer.WriteEndObject();
                writer.WriteNumber("error_code", Success);
            });

        /// <summary>The outcome as the provider's HTTP 200 JSON answer.</summary>
        public static HttpResponseMessage ToResponse(HttpRequestMessage request, ProviderOutcome outcome)
        {
            var content = new ByteArrayContent(outcome.ToJson());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
        }

        /// <summary>A plain-text HTTP 404 for a path other than <c>/sms/send</c>: a wrong URL is a client bug worth seeing.</summary>
        public static HttpResponseMessage NotFound(HttpRequestMessage request, string message)
        {
            var response = new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent(message, Encoding.UTF8, "text/plain"),
            };
            return response;
        }

        private static byte[] Json(System.Action<Utf8JsonWriter> writeMembers)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                writer.WriteStartObject();
                writeMembers(writer);
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }
    }
}
