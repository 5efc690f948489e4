using System;
using JuheSms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Adds an idempotency store (<see cref="ISmsIdempotencyStore"/>) to the client registered by <c>AddJuheSms(...)</c>.</summary>
    public static class JuheSmsIdempotencyBuilderExtensions
    {
        /// <summary>
        /// Registers an <see cref="InMemorySmsIdempotencyStore"/> (a singleton, on the container's <see cref="TimeProvider"/> when
        /// one is registered): every send with an <see cref="SmsMessage.IdempotencyKey"/> is then safe to repeat within this
        /// process: <c>services.AddJuheSms(...).AddInMemoryIdempotency()</c>. Keys are forgotten when the process exits, so
        /// campaigns that must survive a crash or run on several machines use <c>AddRedisIdempotency(...)</c> (package
        /// <c>JuheSms.Redis</c>). A later store registration replaces this one.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="configure">Changes the retention (default 24 hours) or the bound on keys held, or null.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public static IHttpClientBuilder AddInMemoryIdempotency(this IHttpClientBuilder builder, Action<InMemorySmsIdempotencyStoreOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var options = new InMemorySmsIdempotencyStoreOptions();
            configure?.Invoke(options);
            options.Validate(); // Fail at registration, not at the first send.
            return builder.AddIdempotencyStore(sp => new InMemorySmsIdempotencyStore(options, sp.GetService<TimeProvider>()));
        }

        /// <summary>
        /// Registers a custom <see cref="ISmsIdempotencyStore"/> (a singleton made by <paramref name="factory"/>) that the client
        /// uses for every send with an <see cref="SmsMessage.IdempotencyKey"/>. A later store registration replaces this one.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="factory">Makes the store.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static IHttpClientBuilder AddIdempotencyStore(this IHttpClientBuilder builder, Func<IServiceProvider, ISmsIdempotencyStore> factory)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (factory is null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            builder.Services.Replace(ServiceDescriptor.Singleton(factory));
            return builder;
        }
    }
}
