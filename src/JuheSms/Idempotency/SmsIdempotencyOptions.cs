using System;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>Settings shared by the idempotency stores.</summary>
    public class SmsIdempotencyOptions
    {
        /// <summary>The default <see cref="Retention"/>: 24 hours (as payment APIs keep their keys).</summary>
        public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

        /// <summary>
        /// How long a key is remembered after its last change: a repeat within this time gets the first result back (or a
        /// conflict); after it, the key is forgotten and a send with it goes out again. Positive; defaults to
        /// <see cref="DefaultRetention"/>.
        /// </summary>
        public TimeSpan Retention { get; set; } = DefaultRetention;

        /// <summary>Checks the settings.</summary>
        /// <exception cref="ArgumentException"><see cref="Retention"/> is not positive.</exception>
        public virtual void Validate()
        {
            if (Retention <= TimeSpan.Zero)
            {
                throw new ArgumentException(Strings.IdempotencyRetentionNotPositive(Retention), nameof(Retention));
            }
        }

        /// <summary>For derived options: throws when a required text setting is null or empty.</summary>
        /// <param name="value">The setting's value.</param>
        /// <param name="setting">The setting's full name for the message, e.g. <c>RedisSmsIdempotencyStoreOptions.KeyPrefix</c>.</param>
        /// <param name="parameterName">The name reported as <see cref="ArgumentException.ParamName"/>.</param>
        /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
        protected static void EnsureNotEmpty(string? value, string setting, string parameterName)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException(Strings.SettingEmpty(setting), parameterName);
            }
        }
    }
}
