using System;
using JuheSms;
using JuheSms.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Adds the Redis idempotency store to the client registered by <c>AddJuheSms(...)</c>.</summary>
    public static class RedisIdempotencyBuilderExtensions
    {
        /// <summary>
        /// Registers a <see cref="RedisSmsIdempotencyStore"/> over its own connection to <paramref name="connectionString"/>
        /// (StackExchange.Redis syntax): <c>services.AddJuheSms(...).AddRedisIdempotency("localhost:6379")</c>. Every send with an
        /// <see cref="SmsMessage.IdempotencyKey"/> (and every number of a batch with <see cref="SmsBatchOptions.BatchId"/>) is
        /// then safe to repeat across processes and crashes. The connection is made when the store is first needed, does not
        /// abort if Redis is down at start-up (sends with a key then fail with <see cref="SmsIdempotencyUnavailableException"/>
        /// and nothing is sent), and fails commands at once while disconnected rather than queueing them. A later store
        /// registration replaces this one.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="connectionString">The Redis connection string.</param>
        /// <param name="configure">Changes the retention (default 24 hours) or the key prefix; or null.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or invalid, or the options are.</exception>
        public static IHttpClientBuilder AddRedisIdempotency(this IHttpClientBuilder builder, string connectionString, Action<RedisSmsIdempotencyStoreOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ArgumentException("The Redis connection string is empty.", nameof(connectionString));
            }

            ConfigurationOptions configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = false;
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            RedisSmsIdempotencyStoreOptions options = Configure(configure);
            return builder.AddIdempotencyStore(_ => new RedisSmsIdempotencyStore(ConnectionMultiplexer.Connect(configuration), ownsConnection: true, options, timeProvider: null));
        }

        /// <summary>
        /// Registers a <see cref="RedisSmsIdempotencyStore"/> over a connection the application already has (it stays the
        /// application's to dispose): <c>.AddRedisIdempotency(sp =&gt; sp.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c>.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="connection">Gets the connection.</param>
        /// <param name="configure">Changes the retention or the key prefix; or null.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connection"/> is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public static IHttpClientBuilder AddRedisIdempotency(this IHttpClientBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisSmsIdempotencyStoreOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            RedisSmsIdempotencyStoreOptions options = Configure(configure);
            return builder.AddIdempotencyStore(sp => new RedisSmsIdempotencyStore(connection(sp), ownsConnection: false, options, timeProvider: null));
        }

        private static RedisSmsIdempotencyStoreOptions Configure(Action<RedisSmsIdempotencyStoreOptions>? configure)
        {
            var options = new RedisSmsIdempotencyStoreOptions();
            configure?.Invoke(options);
            options.Validate(); // Fail at registration, not at the first send.
            return options;
        }
    }
}
