using System;
using System.Collections.Generic;
using System.Globalization;

namespace JuheSms.Sandbox
{
    /// <summary>
    /// The words of the command line: usage, the loaded files, the address, and the errors of a bad option, a missing
    /// or broken templates file and an address that cannot be listened on. The server's own words are in ServerTexts.
    /// </summary>
    internal static class Texts
    {
        public const string Prefix = "juhesms-sandbox: ";

        public const string SeeHelp = "Run juhesms-sandbox --help for the options.";

        public static readonly string Usage = string.Join(Environment.NewLine, new[]
        {
            "juhesms-sandbox: a local SMS inbox that answers like the Juhe SMS send API.",
            string.Empty,
            "Usage: juhesms-sandbox [--templates FILE]... [--urls URL] [--key KEY] [options]",
            string.Empty,
            "  --templates FILE        a templates file (repeatable); default: sms-templates.json and *.sms.json",
            "                          of the current folder",
            "  --urls URL              where to listen; default: " + JuheSmsSandboxServerOptions.DefaultToolUrls,
            "  --key KEY               the only key the endpoint accepts; default: " + JuheSms.Testing.JuheSmsSandbox.DefaultKey,
            "  --max-messages N        messages kept in memory (older ones are forgotten); default: "
                + JuheSmsSandboxServerOptions.DefaultMaxMessages.ToString(CultureInfo.InvariantCulture),
            "  --signature TEXT        signature for templates without one; default: " + JuheSms.Testing.JuheSmsSandbox.DefaultSignature,
            "  --no-frequency-limits   do not answer 205405 for the carriers' per-number limits",
            "  -h, --help              this text",
            string.Empty,
            "Point the application at it with JuheSms:Endpoint=<URL>/sms/send and JuheSms:Key=<KEY>.",
            "The inbox is at <URL>/, the API at <URL>/api/messages; see docs/sandbox-server.md.",
        });

        public const string TemplatesHaveErrors = "the templates files have errors (above); nothing was started.";

        public const string Stopped = "juhesms-sandbox stopped.";

        public const string EmptyKey = "the key must not be empty.";

        public const string EmptyUrls = "the URL to listen on must not be empty.";

        public static string Listening(Uri baseAddress, Uri endpoint, string key, int templates)
            => string.Join(Environment.NewLine, new[]
            {
                "juhesms-sandbox listening on " + baseAddress,
                "  inbox:     " + baseAddress,
                "  endpoint:  " + endpoint + "   (JuheSms:Endpoint)",
                "  key:       " + key + "   (JuheSms:Key)",
                "  templates: " + templates.ToString(CultureInfo.InvariantCulture),
                "Press Ctrl+C to stop.",
            });

        public static string Loaded(string file, int templates)
            => string.Format(CultureInfo.InvariantCulture, "{0}: {1} template{2}", file, templates, templates == 1 ? string.Empty : "s");

        public static string MissingValue(string option) => option + " needs a value.";

        public static string UnknownOption(string option) => "unknown option '" + option + "'.";

        public static string BadMaxMessages(string value) => "--max-messages must be a whole number of at least 1; got '" + value + "'.";

        public static string NoTemplatesFile(string folder)
            => "no templates file in " + folder + " (sms-templates.json or *.sms.json); pass --templates FILE.";

        public static string TemplatesFileNotFound(string file) => "templates file '" + file + "' not found.";

        public static string TemplatesFileUnreadable(string file, string reason) => "cannot read templates file '" + file + "': " + reason;

        public static string CannotListen(string urls, string reason)
            => "cannot listen on " + urls + ": the port is in use or not allowed (" + reason + "). Pass another with --urls.";

        public static string BadUrls(string urls, string reason) => "cannot listen on '" + urls + "': " + reason;
    }
}
