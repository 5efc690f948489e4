using System;
using System.Globalization;
using System.Resources;
using JuheSms.Testing;

namespace JuheSms.Sandbox
{
    /// <summary>
    /// The words of the command line (usage, the loaded files, the address, and the errors of a bad option, a missing or
    /// broken templates file and an address that cannot be listened on), from <c>Resources/Texts.resx</c> (English) and
    /// its translations (<c>Texts.zh-Hans.resx</c>), chosen by <see cref="CultureInfo.CurrentUICulture"/>. Each accessor
    /// is named for its resource; its arguments fill <c>{0}</c>, <c>{1}</c>... in order. The server's own words are in
    /// <c>ServerTexts</c> of the server library; JSMS diagnostics of a templates file come from the generator.
    /// </summary>
    internal static class Texts
    {
        /// <summary>Put before every error line: the command's name, the same in every language.</summary>
        public const string Prefix = "juhesms-sandbox: ";

        private static readonly ResourceManager Resources = new ResourceManager("JuheSms.Sandbox.Resources.Texts", typeof(Texts).Assembly);

        /// <summary>The manager, for tests that enumerate the resources.</summary>
        internal static ResourceManager Manager => Resources;

        public static string SeeHelp => Get(nameof(SeeHelp));

        public static string Usage => Lines(Format(
            nameof(Usage),
            JuheSmsSandboxServerOptions.DefaultToolUrls,
            JuheSmsSandbox.DefaultKey,
            JuheSmsSandboxServerOptions.DefaultMaxMessages.ToString(CultureInfo.InvariantCulture),
            JuheSmsSandbox.DefaultSignature));

        public static string TemplatesHaveErrors => Get(nameof(TemplatesHaveErrors));

        public static string Stopped => Get(nameof(Stopped));

        public static string EmptyKey => Get(nameof(EmptyKey));

        public static string EmptyUrls => Get(nameof(EmptyUrls));

        public static string Listening(Uri baseAddress, Uri endpoint, string key, int templates)
            => Lines(Format(nameof(Listening), baseAddress, endpoint, key, templates.ToString(CultureInfo.InvariantCulture)));

        public static string Loaded(string file, int templates)
            => templates == 1 ? Format("LoadedOne", file) : Format(nameof(Loaded), file, templates.ToString(CultureInfo.InvariantCulture));

        public static string MissingValue(string option) => Format(nameof(MissingValue), option);

        public static string UnknownOption(string option) => Format(nameof(UnknownOption), option);

        public static string BadMaxMessages(string value) => Format(nameof(BadMaxMessages), value);

        public static string NoTemplatesFile(string folder) => Format(nameof(NoTemplatesFile), folder);

        public static string TemplatesFileNotFound(string file) => Format(nameof(TemplatesFileNotFound), file);

        public static string TemplatesFileUnreadable(string file, string reason) => Format(nameof(TemplatesFileUnreadable), file, reason);

        public static string CannotListen(string urls, string reason) => Format(nameof(CannotListen), urls, reason);

        public static string BadUrls(string urls, string reason) => Format(nameof(BadUrls), urls, reason);

        private static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;

        private static string Format(string name, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(name), args);

        // The .resx holds its lines with \n; the console gets the platform's line ends.
        private static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", Environment.NewLine, StringComparison.Ordinal);
    }
}
