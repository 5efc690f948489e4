using System.Resources;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Diagnostics
{
    /// <summary>
    /// The diagnostics' texts in <c>DiagnosticMessages.resx</c> (English), read in the culture of whoever shows the
    /// diagnostic. The SDK names the embedded resource after this class (the .resx sits beside it), which is the name
    /// <see cref="ResourceManager"/> is given: a <c>DiagnosticMessages.{culture}.resx</c> beside it becomes a satellite
    /// assembly that the same manager finds.
    /// </summary>
    internal static class DiagnosticMessages
    {
        public const string BaseName = "JuheSms.Generators.Diagnostics.DiagnosticMessages";

        public static readonly ResourceManager ResourceManager = new ResourceManager(BaseName, typeof(DiagnosticMessages).Assembly);

        /// <summary>The resource <paramref name="name"/>, resolved when shown (its <c>{0}</c> filled with <paramref name="argument"/>).</summary>
        public static LocalizableString Get(string name, string? argument = null)
            => argument is null
                ? new LocalizableResourceString(name, ResourceManager, typeof(DiagnosticMessages))
                : new LocalizableResourceString(name, ResourceManager, typeof(DiagnosticMessages), argument);
    }
}
