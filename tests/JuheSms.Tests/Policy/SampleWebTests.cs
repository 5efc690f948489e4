using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Sample.Web;
using JuheSms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JuheSms.Tests.Policy
{
    /// <summary>The web sample, hosted in-process on a test server, sending through its sandbox (no key configured).</summary>
    public class SampleWebTests
    {
        [Fact]
        public async Task A_valid_number_gets_200_with_the_sid_and_the_code_is_sent()
        {
            await using WebApplication app = await StartAsync();
            using HttpClient http = app.GetTestClient();

            HttpResponseMessage response = await PostAsync(http, "{\"mobile\":\"13800138000\"}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string sid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
            SentSms sent = Assert.Single(app.Services.GetRequiredService<JuheSmsSandbox>().Sent);
            Assert.Equal(sid, sent.Sid);
            Assert.Equal("13800138000", sent.Mobile);
            Assert.Matches("^【Sandbox】您的验证码是[0-9]{6}，5分钟内有效。$", sent.Text);
            Assert.DoesNotContain(sent.Variables["code"], await response.Content.ReadAsStringAsync()); // the code is never echoed
        }

        [Fact]
        public async Task A_second_code_to_the_same_number_gets_429_with_Retry_After()
        {
            await using WebApplication app = await StartAsync();
            using HttpClient http = app.GetTestClient();

            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "{\"mobile\":\"13800138000\"}")).StatusCode);
            HttpResponseMessage second = await PostAsync(http, "{\"mobile\":\"+86 138 0013 8000\"}");

            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), second.Headers.RetryAfter?.Delta);
            Assert.Equal(1, app.Services.GetRequiredService<JuheSmsSandbox>().Requests);
        }

        [Theory]
        [InlineData("{\"mobile\":\"12345\"}")]
        [InlineData("{\"mobile\":\"\"}")]
        [InlineData("{}")]
        [InlineData("{\"mobile\":\"+1 202 555 0100\"}")]
        public async Task A_bad_number_gets_400_and_nothing_is_sent(string body)
        {
            await using WebApplication app = await StartAsync();
            using HttpClient http = app.GetTestClient();

            HttpResponseMessage response = await PostAsync(http, body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(0, app.Services.GetRequiredService<JuheSmsSandbox>().Requests);
        }

        [Fact]
        public async Task The_per_IP_rate_limit_answers_429_with_Retry_After_before_anything_is_sent()
        {
            await using WebApplication app = await StartAsync(perIpLimit: 2);
            using HttpClient http = app.GetTestClient();

            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "{\"mobile\":\"13800138001\"}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "{\"mobile\":\"13800138002\"}")).StatusCode);
            HttpResponseMessage third = await PostAsync(http, "{\"mobile\":\"13800138003\"}");

            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.NotNull(third.Headers.RetryAfter?.Delta);
            Assert.Equal(2, app.Services.GetRequiredService<JuheSmsSandbox>().Requests);
        }

        private static async Task<WebApplication> StartAsync(int perIpLimit = 100)
        {
            WebApplication app = SampleApp.Build(Array.Empty<string>(), builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["JuheSms:Key"] = string.Empty,
                    ["ConnectionStrings:Redis"] = string.Empty,
                    ["Sample:PerIpPermitLimit"] = perIpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Sample:PerIpWindowSeconds"] = "60",
                });
            });
            await app.StartAsync();
            return app;
        }

        private static Task<HttpResponseMessage> PostAsync(HttpClient http, string json)
            => http.PostAsync("/sms/code", new StringContent(json, Encoding.UTF8, "application/json"));
    }
}
