using System;
using JuheSms.Testing;

namespace JuheSms.Sandbox
{
    /// <summary>Settings of a <see cref="JuheSmsSandboxServer"/>; the tool's command-line options map onto them.</summary>
    public sealed class JuheSmsSandboxServerOptions
    {
        /// <summary>The tool's address when <c>--urls</c> is not given: <c>http://127.0.0.1:5190</c>.</summary>
        public const string DefaultToolUrls = "http://127.0.0.1:5190";

        /// <summary>How many messages (and refusals) are kept when nothing else is said: 1,000.</summary>
        public const int DefaultMaxMessages = 1000;

        /// <summary>
        /// Where Kestrel listens (one URL, or several separated by <c>;</c>). Default <c>http://127.0.0.1:0</c>: a free
        /// port, which is what a test wants; read the one chosen from <see cref="JuheSmsSandboxServer.BaseAddress"/>.
        /// </summary>
        public string Urls { get; set; } = "http://127.0.0.1:0";

        /// <summary>The only <c>key</c> the endpoint accepts (anything else answers 10001); <see cref="JuheSmsSandbox.DefaultKey"/> by default.</summary>
        public string Key { get; set; } = JuheSmsSandbox.DefaultKey;

        /// <summary>The most messages kept in memory (older ones are forgotten), and as many refusals; <see cref="DefaultMaxMessages"/> by default.</summary>
        public int MaxMessages { get; set; } = DefaultMaxMessages;

        /// <summary>The signature put in front of a template that has none of its own; <see cref="JuheSmsSandbox.DefaultSignature"/> by default.</summary>
        public string Signature { get; set; } = JuheSmsSandbox.DefaultSignature;

        /// <summary>Whether the carriers' per-number limits (1 per minute, 3 per 10 minutes, 4 per hour, 20 per day) answer 205405; true by default.</summary>
        public bool EnforceFrequencyLimits { get; set; } = true;

        /// <summary>The clock of the frequency limits and of <see cref="Inbox.InboxMessage.ReceivedAt"/>; <see cref="TimeProvider.System"/> when null.</summary>
        public TimeProvider? TimeProvider { get; set; }
    }
}
