using System;
using System.Globalization;
using System.Threading.RateLimiting;
using JuheSms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JuheSms.Sample.Web
{
    /// <summary>Builds the sample application (Program.cs runs it; tests host it on a test server).</summary>
    public static class SampleApp
    {
        /// <summary>The rate-limiting policy of POST /sms/code: a fixed window per client IP.</summary>
        public const string PerIpPolicy = "sms-per-ip";

        /// <summary>The verification template the sandbox registers (id 1).</summary>
        public const string SandboxTemplateText = "您的验证码是#code#，5分钟内有效。";

        /// <summary>Creates the builder with the sample's services; <paramref name="configure"/> may change it before it is built.</summary>
        public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
        {
            WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
            configure?.Invoke(builder);
            AddServices(builder);

            WebApplication app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/sms/code", SmsCodeEndpoint.HandleAsync).RequireRateLimiting(PerIpPolicy);
            return app;
        }

        private static void AddServices(WebApplicationBuilder builder)
        {
            IConfiguration configuration = builder.Configuration;
            builder.Services.Configure<SampleOptions>(configuration.GetSection("Sample"));
            var sample = configuration.GetSection("Sample").Get<SampleOptions>() ?? new SampleOptions();

            // The send guard per number: Redis when a connection string is given (several instances share the limits),
            // in memory otherwise (one instance).
            bool useSandbox = string.IsNullOrWhiteSpace(configuration["JuheSms:Key"]);
            IHttpClientBuilder sms = builder.Services.AddJuheSms(options =>
            {
                configuration.GetSection("JuheSms").Bind(options);
                if (useSandbox)
                {
                    options.Key = JuheSmsSandbox.DefaultKey;
                }
            });

            if (useSandbox)
            {
                // No key: answer from the in-process sandbox, so the sample runs without an account or network.
                var sandbox = new JuheSmsSandbox().RegisterTemplate(sample.CodeTemplateId, SandboxTemplateText);
                builder.Services.AddSingleton(sandbox);
                sms.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<JuheSmsSandbox>());
            }

            string? redis = configuration.GetConnectionString("Redis");
            if (string.IsNullOrWhiteSpace(redis))
            {
                sms.AddInMemoryGuard();
            }
            else
            {
                sms.AddRedisGuard(redis);
            }

            // Against SMS bombing (the provider's page, rule 3): a fixed window per client IP in front of the per-number guard.
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = (context, _) =>
                {
                    if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter))
                    {
                        SmsCodeEndpoint.SetRetryAfter(context.HttpContext, retryAfter);
                    }

                    return default;
                };
                options.AddPolicy(PerIpPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = sample.PerIpPermitLimit,
                        Window = TimeSpan.FromSeconds(sample.PerIpWindowSeconds),
                        QueueLimit = 0,
                    }));
            });

            if (useSandbox)
            {
                builder.Services.AddLogging(logging => logging.AddFilter("JuheSms", LogLevel.Information));
            }
        }
    }
}
