using System;
using JuheSms;
using JuheSms.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Adds the Redis send guard to the client registered by <c>AddJuheSms(...)</c>.</summary>
    public static class RedisGuardBuilderExtensions
    {
        /// <summary>
        /// Registers a <see cref="RedisSmsSendGuard"/> over its own connection to <paramref name="connectionString"/>
        /// (StackExchange.Redis syntax, e.g. <c>localhost:6379,password=...</c>): <c>services.AddJuheSms(...).AddRedisGuard("localhost:6379")</c>.
        /// The connection is made when the guard is first needed, does not abort if Redis is down at start-up (sends then fail
        /// with <see cref="SmsGuardUnavailableException"/>, or go through with <see cref="RedisSmsSendGuardOptions.FailOpen"/>),
        /// and fails commands at once while disconnected rather than queueing them. A later guard registration replaces this one.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="connectionString">The Redis connection string.</param>
        /// <param name="configure">Changes limits, key prefix or fail-open; or null.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or invalid, or the options are.</exception>
        public static IHttpClientBuilder AddRedisGuard(this IHttpClientBuilder builder, string connectionString, Action<RedisSmsSendGuardOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ArgumentException(RedisStrings.ConnectionStringEmpty, nameof(connectionString));
            }

            ConfigurationOptions configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = false;
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            RedisSmsSendGuardOptions options = Configure(configure);

            return builder.AddSendGuard(sp => new RedisSmsSendGuard(
                ConnectionMultiplexer.Connect(configuration),
                ownsConnection: true,
                options,
                timeProvider: null,
                sp.GetService<ILoggerFactory>()?.CreateLogger<RedisSmsSendGuard>()));
        }

        /// <summary>
        /// Registers a <see cref="RedisSmsSendGuard"/> over a connection the application already has (it stays the application's
        /// to dispose): <c>.AddRedisGuard(sp =&gt; sp.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c>.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="connection">Gets the connection.</param>
        /// <param name="configure">Changes limits, key prefix or fail-open; or null.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connection"/> is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public static IHttpClientBuilder AddRedisGuard(this IHttpClientBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisSmsSendGuardOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            RedisSmsSendGuardOptions options = Configure(configure);
            return builder.AddSendGuard(sp => new RedisSmsSendGuard(
                connection(sp),
                ownsConnection: false,
                options,
                timeProvider: null,
                sp.GetService<ILoggerFactory>()?.CreateLogger<RedisSmsSendGuard>()));
        }

        private static RedisSmsSendGuardOptions Configure(Action<RedisSmsSendGuardOptions>? configure)
        {
            var options = new RedisSmsSendGuardOptions();
            configure?.Invoke(options);
            options.GetCheckedLimits();
            if (string.IsNullOrEmpty(options.KeyPrefix))
            {
                throw new ArgumentException(RedisStrings.KeyPrefixEmpty, nameof(configure));
            }

            return options;
        }
    }
}
