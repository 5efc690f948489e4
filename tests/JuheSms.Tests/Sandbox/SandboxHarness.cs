using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JuheSms.Tests.Sandbox
{
    /// <summary>A sandbox on a fake clock, an HttpClient over it, and raw-form senders.</summary>
    internal sealed class SandboxHarness : IDisposable
    {
        public const string Mobile = "13800138000";
        public const string OtherMobile = "13900139000";

        /// <summary>Template 1: <c>您的验证码是#code#，5分钟内有效。</c> (the sandbox's signature is prepended).</summary>
        public const int CodeTemplate = 1;

        /// <summary>Template 2: <c>【聚合数据】#name#，您的订单#order#已发货</c> (its own signature).</summary>
        public const int OrderTemplate = 2;

        public SandboxHarness(string key = JuheSmsSandbox.DefaultKey)
        {
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 6, 8, 0, 0, TimeSpan.Zero));
            Sandbox = new JuheSmsSandbox(key, Time)
                .RegisterTemplate(CodeTemplate, "您的验证码是#code#，5分钟内有效。")
                .RegisterTemplate(OrderTemplate, "【聚合数据】#name#，您的订单#order#已发货");
            Http = new HttpClient(Sandbox, disposeHandler: false) { BaseAddress = new Uri("http://v.juhe.cn/") };
        }

        public FakeTimeProvider Time { get; }

        public JuheSmsSandbox Sandbox { get; }

        public HttpClient Http { get; }

        public Task<Answer> PostAsync(params (string Name, string Value)[] fields) => PostRawAsync(Form.Encode(fields));

        public async Task<Answer> PostRawAsync(string body, string path = "sms/send")
        {
            using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
            using HttpResponseMessage response = await Http.PostAsync(path, content);
            return await Answer.ReadAsync(response);
        }

        public async Task<Answer> GetAsync(params (string Name, string Value)[] fields)
        {
            using HttpResponseMessage response = await Http.GetAsync("sms/send?" + Form.Encode(fields));
            return await Answer.ReadAsync(response);
        }

        /// <summary>A valid send of the code template to <paramref name="mobile"/>.</summary>
        public Task<Answer> SendCodeAsync(string mobile = Mobile, string code = "1234")
            => PostAsync(("key", JuheSmsSandbox.DefaultKey), ("mobile", mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"" + code + "\"}"));

        /// <summary>The same valid send through the synchronous path (for tests that start real threads).</summary>
        public int SendCodeSync(string mobile = Mobile)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "sms/send")
            {
                Content = new StringContent(
                    Form.Encode(("key", JuheSmsSandbox.DefaultKey), ("mobile", mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"1234\"}")),
                    Encoding.ASCII,
                    "application/x-www-form-urlencoded"),
            };
            using HttpResponseMessage response = Http.Send(request);
            using JsonDocument document = JsonDocument.Parse(response.Content.ReadAsStream());
            return document.RootElement.GetProperty("error_code").GetInt32();
        }

        public void Dispose()
        {
            Http.Dispose();
            Sandbox.Dispose();
        }
    }

    /// <summary>The provider's answer, parsed; <see cref="Raw"/> keeps the exact body.</summary>
    internal sealed class Answer
    {
        private Answer(string raw, int errorCode, string reason, JsonElement result)
        {
            Raw = raw;
            ErrorCode = errorCode;
            Reason = reason;
            Result = result;
        }

        public string Raw { get; }

        public int ErrorCode { get; }

        public string Reason { get; }

        public JsonElement Result { get; }

        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            // The provider answers every API-level outcome with HTTP 200 and a JSON body.
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            string raw = await response.Content.ReadAsStringAsync();
            using JsonDocument document = JsonDocument.Parse(raw);
            JsonElement root = document.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            return new Answer(
                raw,
                root.GetProperty("error_code").GetInt32(),
                root.GetProperty("reason").GetString()!,
                root.GetProperty("result").Clone());
        }

        /// <summary>Asserts the page's failure shape: <c>result</c> null and the given code.</summary>
        public void AssertRefused(int errorCode)
        {
            Assert.True(errorCode == ErrorCode, $"expected error_code {errorCode}, got {ErrorCode} ({Reason}): {Raw}");
            Assert.Equal(JsonValueKind.Null, Result.ValueKind);
            Assert.False(string.IsNullOrEmpty(Reason));
        }

        public void AssertAccepted()
        {
            Assert.True(ErrorCode == 0, $"expected acceptance, got {ErrorCode} ({Reason}): {Raw}");
            Assert.Equal("短信发送成功", Reason);
        }
    }
}
