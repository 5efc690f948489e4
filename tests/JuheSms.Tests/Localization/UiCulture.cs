using System;
using System.Globalization;

namespace JuheSms.Tests.Localization
{
    /// <summary>Sets <see cref="CultureInfo.CurrentUICulture"/> for a block and restores it (the culture flows with the async context, so parallel tests do not see it).</summary>
    public sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _previous;

        private UiCulture(string name)
        {
            _previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public static UiCulture Set(string name) => new UiCulture(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}
