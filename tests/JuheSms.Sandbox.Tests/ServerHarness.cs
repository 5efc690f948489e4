using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Testing;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>A started <see cref="JuheSmsSandboxServer"/> with two templates, a raw HTTP client and a <see cref="JuheSmsClient"/> aimed at it.</summary>
    public sealed class ServerHarness : IAsyncDisposable
    {
        public const int CodeTplId = 123456;
        public const int ShippedTplId = 123457;
        public const string Mobile = "13800138000";

        private ServerHarness(JuheSmsSandboxServer server, Uri baseAddress, TimeSpan? clientTimeout)
        {
            Server = server;
            BaseAddress = baseAddress;
            Http = new HttpClient { BaseAddress = baseAddress };
            ClientHttp = new HttpClient();
            Client = new JuheSmsClient(ClientHttp, new JuheSmsOptions
            {
                Key = JuheSmsSandbox.DefaultKey,
                Endpoint = server.SendEndpoint,
                Timeout = clientTimeout ?? TimeSpan.FromSeconds(10),
            });
        }

        public JuheSmsSandboxServer Server { get; }

        public Uri BaseAddress { get; }

        /// <summary>For the API and raw sends.</summary>
        public HttpClient Http { get; }

        public JuheSmsClient Client { get; }

        private HttpClient ClientHttp { get; }

        public static async Task<ServerHarness> StartAsync(JuheSmsSandboxServerOptions? options = null, TimeSpan? clientTimeout = null)
        {
            var server = new JuheSmsSandboxServer(options)
                .RegisterTemplate(CodeTplId, "【Contoso】您的验证码是#code#，#minutes#分钟内有效。", "VerificationCode")
                .RegisterTemplate(ShippedTplId, "#name#您好，您的订单#order#已发货。");
            Uri baseAddress = await server.StartAsync();
            return new ServerHarness(server, baseAddress, clientTimeout);
        }

        public Task<SmsSendResult> SendCodeAsync(string mobile = Mobile, string code = "482913")
            => Client.SendAsync(new SmsMessage(mobile, CodeTplId, new Dictionary<string, string> { ["code"] = code, ["minutes"] = "5" }));

        /// <summary>A raw form POST to /sms/send; the provider's JSON answer.</summary>
        public async Task<JsonElement> PostFormAsync(params (string Name, string Value)[] fields)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach ((string name, string value) in fields)
            {
                pairs.Add(new KeyValuePair<string, string>(name, value));
            }

            using HttpResponseMessage response = await Http.PostAsync("sms/send", new FormUrlEncodedContent(pairs));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        public async Task<JsonElement> GetJsonAsync(string path)
        {
            using HttpResponseMessage response = await Http.GetAsync(path);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, path + " answered " + (int)response.StatusCode + ": " + body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        public async Task<HttpResponseMessage> PostFaultAsync(string json)
            => await Http.PostAsync("api/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            ClientHttp.Dispose();
            await Server.DisposeAsync();
        }
    }
}
