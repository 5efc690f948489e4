using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace JuheSms.Tests
{
    public class DependencyInjectionTests
    {
        [Fact]
        public async Task AddJuheSms_binds_a_configuration_section_and_resolves_a_working_client()
        {
            IConfiguration configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["JuheSms:Key"] = TestData.Key,
                    ["JuheSms:Endpoint"] = "http://sms.test/sms/send",
                    ["JuheSms:Timeout"] = "00:00:12",
                    ["JuheSms:VariableEncoding"] = "TplValue",
                })
                .Build();
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var services = new ServiceCollection();

            IHttpClientBuilder builder = services.AddJuheSms(configuration.GetSection("JuheSms"));
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);

            using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);
            JuheSmsOptions options = provider.GetRequiredService<IOptions<JuheSmsOptions>>().Value;
            Assert.Equal(new Uri("http://sms.test/sms/send"), options.Endpoint);
            Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
            Assert.Equal(VariableEncoding.TplValue, options.VariableEncoding);

            IJuheSmsClient client = provider.GetRequiredService<IJuheSmsClient>();
            Assert.IsType<JuheSmsClient>(client);
            SmsSendResult result = await client.SendAsync(TestData.Message());

            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
            CapturedRequest request = Assert.Single(handler.Requests);
            Assert.Equal(new Uri("http://sms.test/sms/send"), request.Uri);
            Assert.Equal(TestData.Key, request.Form["key"]);
            Assert.True(request.Form.ContainsKey("tpl_value"));
        }

        [Fact]
        public async Task AddJuheSms_with_a_delegate_works_too()
        {
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var services = new ServiceCollection();
            services.AddJuheSms(o => { o.Key = TestData.Key; o.Endpoint = new Uri("https://sms.test/x"); })
                .ConfigurePrimaryHttpMessageHandler(() => handler);

            using ServiceProvider provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IJuheSmsClient>().SendAsync(TestData.Message());

            Assert.Equal(new Uri("https://sms.test/x"), Assert.Single(handler.Requests).Uri);
        }

        [Fact]
        public void The_HttpClient_timeout_is_left_to_the_client()
        {
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = TestData.Key);

            using ServiceProvider provider = services.BuildServiceProvider();
            HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(typeof(IJuheSmsClient).Name);

            Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, http.Timeout);
        }

        [Fact]
        public async Task Missing_key_in_configuration_fails_on_first_use_naming_Key()
        {
            IConfiguration configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["JuheSms:Timeout"] = "00:00:05" })
                .Build();
            var handler = FakeHttpMessageHandler.Json(TestData.SuccessJson);
            var services = new ServiceCollection();
            services.AddJuheSms(configuration.GetSection("JuheSms")).ConfigurePrimaryHttpMessageHandler(() => handler);

            using ServiceProvider provider = services.BuildServiceProvider();
            IJuheSmsClient client = provider.GetRequiredService<IJuheSmsClient>();
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => client.SendAsync(TestData.Message()));

            Assert.Contains("JuheSmsOptions.Key", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, handler.CallCount);
        }

        [Fact]
        public void The_validator_is_registered_once_even_when_AddJuheSms_is_called_twice()
        {
            var services = new ServiceCollection();
            services.AddJuheSms(o => o.Key = "a");
            services.AddJuheSms(o => o.Timeout = TimeSpan.FromSeconds(3));

            using ServiceProvider provider = services.BuildServiceProvider();

            Assert.Single(provider.GetServices<IValidateOptions<JuheSmsOptions>>().OfType<JuheSmsOptionsValidator>());
            JuheSmsOptions options = provider.GetRequiredService<IOptions<JuheSmsOptions>>().Value;
            Assert.Equal("a", options.Key);
            Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        }

        [Fact]
        public void Null_arguments_are_rejected()
        {
            var services = new ServiceCollection();

            Assert.Throws<ArgumentNullException>(() => services.AddJuheSms((IConfiguration)null!));
            Assert.Throws<ArgumentNullException>(() => services.AddJuheSms((Action<JuheSmsOptions>)null!));
            Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddJuheSms(o => { }));
        }
    }
}
