using System;
using JuheSms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Adds a send guard (<see cref="ISmsSendGuard"/>) to the client registered by <c>AddJuheSms(...)</c>.</summary>
    public static class JuheSmsGuardBuilderExtensions
    {
        /// <summary>
        /// Registers an <see cref="InMemorySmsSendGuard"/> (a singleton, on the container's <see cref="TimeProvider"/> when one is
        /// registered) that the client consults before every send: <c>services.AddJuheSms(...).AddInMemoryGuard()</c>.
        /// It only sees this process's sends: an application running on several machines uses <c>AddRedisGuard(...)</c>
        /// (package <c>JuheSms.Redis</c>). A later guard registration replaces this one.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="configure">Changes the limits (default: the carriers' limits, <see cref="SmsSendLimit.CarrierDefaults"/>), or null.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        public static IHttpClientBuilder AddInMemoryGuard(this IHttpClientBuilder builder, Action<SmsSendGuardOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var options = new SmsSendGuardOptions();
            configure?.Invoke(options);
            options.GetCheckedLimits(); // Fail at registration, not at the first send.
            return builder.AddSendGuard(sp => new InMemorySmsSendGuard(options, sp.GetService<TimeProvider>()));
        }

        /// <summary>
        /// Registers a custom <see cref="ISmsSendGuard"/> (a singleton made by <paramref name="factory"/>) that the client consults
        /// before every send. A later guard registration replaces this one.
        /// </summary>
        /// <param name="builder">The builder <c>AddJuheSms</c> returned.</param>
        /// <param name="factory">Makes the guard.</param>
        /// <returns>The same builder.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static IHttpClientBuilder AddSendGuard(this IHttpClientBuilder builder, Func<IServiceProvider, ISmsSendGuard> factory)
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
