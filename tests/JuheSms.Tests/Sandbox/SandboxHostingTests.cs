using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using JuheSms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JuheSms.Tests.Sandbox
{
    public class SandboxHostingTests
    {
        private static StringContent ValidForm() => new StringContent(
            Form.Encode(("key", JuheSmsSandbox.DefaultKey), ("mobile", SandboxHarness.Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"1234\"}")),
            Encoding.ASCII,
            "application/x-www-form-urlencoded");

        [Fact]
        public async Task It_serves_as_the_primary_handler_of_a_factory_client()
        {
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            var services = new ServiceCollection();
            // What a user writes with the runtime's AddJuheSms(...), which returns the same IHttpClientBuilder.
            services.AddHttpClient("juhe", c => c.BaseAddress = new Uri("http://v.juhe.cn/"))
                .ConfigurePrimaryHttpMessageHandler(() => sandbox);
            using ServiceProvider provider = services.BuildServiceProvider();

            HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("juhe");
            using var content = ValidForm();
            using HttpResponseMessage response = await client.PostAsync("sms/send", content);

            (await Answer.ReadAsync(response)).AssertAccepted();
            Assert.Equal("【Sandbox】您的验证码是1234", Assert.Single(sandbox.Sent).Text);
        }

        [Fact]
        public async Task It_stays_usable_after_dispose_as_handler_rotation_may_dispose_it()
        {
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            new HttpClient(sandbox).Dispose(); // disposes the handler

            using var client = new HttpClient(sandbox, disposeHandler: false) { BaseAddress = new Uri("http://v.juhe.cn/") };
            using var content = ValidForm();
            using HttpResponseMessage response = await client.PostAsync("sms/send", content);

            (await Answer.ReadAsync(response)).AssertAccepted();
        }

        [Fact]
        public async Task Any_host_is_served_and_the_path_may_end_with_a_slash()
        {
            var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
            using var client = new HttpClient(sandbox);
            using var content = ValidForm();

            using HttpResponseMessage response = await client.PostAsync("http://127.0.0.1:5000/sms/send/", content);

            (await Answer.ReadAsync(response)).AssertAccepted();
        }
    }
}
