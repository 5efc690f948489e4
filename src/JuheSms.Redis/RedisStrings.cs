using System.Globalization;
using System.Resources;

namespace JuheSms.Redis
{
    /// <summary>
    /// The exception messages of this assembly, from <c>Resources/RedisStrings.resx</c> (English) and its translations
    /// (<c>RedisStrings.zh-Hans.resx</c>), chosen by <see cref="CultureInfo.CurrentUICulture"/>. Each accessor is named for its
    /// resource; its arguments fill <c>{0}</c>... in order.
    /// </summary>
    internal static class RedisStrings
    {
        private static readonly ResourceManager Resources = new ResourceManager("JuheSms.Redis.Resources.RedisStrings", typeof(RedisStrings).Assembly);

        /// <summary>The manager, for tests that enumerate the resources.</summary>
        internal static ResourceManager Manager => Resources;

        public static string ConnectionStringEmpty => Get(nameof(ConnectionStringEmpty));

        public static string KeyPrefixEmpty => Get(nameof(KeyPrefixEmpty));

        public static string KeyPrefixEmptyNeedsNamespace => Get(nameof(KeyPrefixEmptyNeedsNamespace));

        public static string RedisUnreachable(string cause) => Format(nameof(RedisUnreachable), cause);

        public static string ScriptFailed(string cause) => Format(nameof(ScriptFailed), cause);

        public static string ReleaseFailed(string cause) => Format(nameof(ReleaseFailed), cause);

        private static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;

        private static string Format(string name, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(name), args);
    }
}
