using System.Collections.Generic;
using System.Globalization;

namespace JuheSms.Sandbox
{
    /// <summary>The tool's options: <c>--templates FILE</c> (repeatable), <c>--urls URL</c>, <c>--key KEY</c> and the rest of <see cref="Texts.Usage"/>.</summary>
    internal sealed class CommandLine
    {
        public List<string> TemplatesFiles { get; } = new List<string>();

        public string Urls { get; private set; } = JuheSmsSandboxServerOptions.DefaultToolUrls;

        public string Key { get; private set; } = JuheSms.Testing.JuheSmsSandbox.DefaultKey;

        public int MaxMessages { get; private set; } = JuheSmsSandboxServerOptions.DefaultMaxMessages;

        public string Signature { get; private set; } = JuheSms.Testing.JuheSmsSandbox.DefaultSignature;

        public bool EnforceFrequencyLimits { get; private set; } = true;

        public bool ShowHelp { get; private set; }

        /// <returns>The options, or null with <paramref name="error"/> saying what is wrong.</returns>
        public static CommandLine? TryParse(IReadOnlyList<string> args, out string? error)
        {
            error = null;
            var parsed = new CommandLine();
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                string? inlineValue = null;
                int eq = arg.IndexOf('=');
                if (arg.StartsWith("--", System.StringComparison.Ordinal) && eq > 2)
                {
                    inlineValue = arg.Substring(eq + 1);
                    arg = arg.Substring(0, eq);
                }

                switch (arg)
                {
                    case "-h":
                    case "--help":
                        parsed.ShowHelp = true;
                        break;
                    case "--no-frequency-limits":
                        parsed.EnforceFrequencyLimits = false;
                        break;
                    case "--templates":
                    case "--urls":
                    case "--key":
                    case "--max-messages":
                    case "--signature":
                        string? value = inlineValue;
                        if (value is null)
                        {
                            if (i + 1 >= args.Count)
                            {
                                error = Texts.MissingValue(arg);
                                return null;
                            }

                            value = args[++i];
                        }

                        if (!parsed.Set(arg, value, out error))
                        {
                            return null;
                        }

                        break;
                    default:
                        error = Texts.UnknownOption(arg);
                        return null;
                }
            }

            return parsed;
        }

        private bool Set(string option, string value, out string? error)
        {
            error = null;
            switch (option)
            {
                case "--templates":
                    TemplatesFiles.Add(value);
                    return true;
                case "--urls":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        error = Texts.EmptyUrls;
                        return false;
                    }

                    Urls = value;
                    return true;
                case "--key":
                    if (value.Length == 0)
                    {
                        error = Texts.EmptyKey;
                        return false;
                    }

                    Key = value;
                    return true;
                case "--max-messages":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int max) || max < 1)
                    {
                        error = Texts.BadMaxMessages(value);
                        return false;
                    }

                    MaxMessages = max;
                    return true;
                default:
                    Signature = value;
                    return true;
            }
        }
    }
}
