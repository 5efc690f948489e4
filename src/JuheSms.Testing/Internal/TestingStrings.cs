using System.Globalization;
using System.Resources;

namespace JuheSms.Testing.Internal
{
    /// <summary>
    /// The sandbox's exception messages, from <c>Resources/TestingStrings.resx</c> (English) and its translations
    /// (<c>TestingStrings.zh-Hans.resx</c>), chosen by <see cref="CultureInfo.CurrentUICulture"/>. The answers it gives as
    /// the provider (<c>reason</c>) are the provider's words and are not translated.
    /// </summary>
    internal static class TestingStrings
    {
        private static readonly ResourceManager Resources = new ResourceManager("JuheSms.Testing.Resources.TestingStrings", typeof(TestingStrings).Assembly);

        public static string SandboxKeyEmpty => Get(nameof(SandboxKeyEmpty));

        public static string TemplateTextEmpty => Get(nameof(TemplateTextEmpty));

        public static string FailNextSuccessCode => Get(nameof(FailNextSuccessCode));

        public static string TplIdNotPositive => Get(nameof(TplIdNotPositive));

        private static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;
    }
}
