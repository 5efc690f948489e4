using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using JuheSms.Internal;

namespace JuheSms.Testing.Internal
{
    /// <summary>
    /// The provider's behaviour for one send (the page's checks in order, the carriers' limits, rendering, billing),
    /// apart from any transport: <see cref="JuheSmsSandbox"/> (an <c>HttpMessageHandler</c>) and the sandbox server
    /// (<c>juhesms-sandbox</c>) both decide through it, so the two can never answer differently.
    /// Not thread-safe: callers hold their own lock around <see cref="Decide"/> and their record of what it accepted.
    /// </summary>
    internal sealed class SandboxProvider
    {
        /// <summary>The only path the provider serves.</summary>
        public const string SendPath = "/sms/send";

        /// <summary>The media type of a form body.</summary>
        public const string FormMediaType = "application/x-www-form-urlencoded";

        private readonly Dictionary<int, SandboxTemplate> _templates = new Dictionary<int, SandboxTemplate>();
        private readonly FrequencyLimiter _limiter = new FrequencyLimiter();
        private readonly TimeProvider _timeProvider;

        public SandboxProvider(string key, TimeProvider? timeProvider)
        {
            Key = key;
            _timeProvider = timeProvider ?? TimeProvider.System;
        }

        public string Key { get; }

        public string Signature { get; set; } = JuheSmsSandbox.DefaultSignature;

        public bool EnforceFrequencyLimits { get; set; } = true;

        public TimeProvider TimeProvider => _timeProvider;

        /// <summary>Registers or replaces a template (arguments already checked by the caller).</summary>
        public void Register(int tplId, string text) => _templates[tplId] = SandboxTemplate.Create(tplId, text);

        /// <summary>Forgets the frequency history.</summary>
        public void ClearLimits() => _limiter.Clear();

        /// <summary>True when <paramref name="path"/> is the send path (a trailing slash or a prefix such as <c>/v1</c> is fine).</summary>
        public static bool IsSendPath(string path) => path.TrimEnd('/').EndsWith(SendPath, StringComparison.OrdinalIgnoreCase);

        /// <summary>True for a <c>Content-Type</c> whose media type is a form.</summary>
        public static bool IsFormMediaType(string? mediaType) => string.Equals(mediaType, FormMediaType, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The request's fields: the query string, then a form body (a body field wins over a query field of the same name).
        /// </summary>
        public static Dictionary<string, string> ReadFields(string? query, byte[]? formBody)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            FormCodec.ParseInto(query, fields);
            if (formBody is not null)
            {
                // A form body is ASCII after encoding; reading it as UTF-8 also tolerates a client that forgot to encode.
                FormCodec.ParseInto(Encoding.UTF8.GetString(formBody), fields);
            }

            return fields;
        }

        /// <summary>Checks one request the way the provider does and, when accepted, counts it against the limits.</summary>
        /// <param name="method">The HTTP method (<c>GET</c>, <c>POST</c>, …).</param>
        /// <param name="fields">The request's fields (see <see cref="ReadFields"/>).</param>
        public ProviderOutcome Decide(string method, IReadOnlyDictionary<string, string> fields)
        {
            if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) && !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
            {
                return ProviderOutcome.Refused(ProviderAnswer.WrongMethod);
            }

            if (!fields.TryGetValue("key", out string? key) || !string.Equals(key, Key, StringComparison.Ordinal))
            {
                return ProviderOutcome.Refused(ProviderAnswer.WrongKey);
            }

            fields.TryGetValue("mobile", out string? rawMobile);
            if (!SmsRules.TryNormalizeMobile(rawMobile, out string mobile))
            {
                return ProviderOutcome.Refused(ProviderAnswer.WrongMobile);
            }

            if (!fields.TryGetValue("tpl_id", out string? rawTplId)
                || !int.TryParse(rawTplId, NumberStyles.None, CultureInfo.InvariantCulture, out int tplId)
                || !_templates.TryGetValue(tplId, out SandboxTemplate? template))
            {
                return ProviderOutcome.Refused(ProviderAnswer.WrongTemplateId);
            }

            fields.TryGetValue("ext", out string? ext);
            if (string.IsNullOrEmpty(ext))
            {
                ext = null;
            }
            else if (!SmsRules.IsValidExt(ext))
            {
                return ProviderOutcome.Refused(ProviderAnswer.SendFailed, $"发送失败，扩展码 ext 须为{SmsRules.MaxExtDigits}位以内的数字");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string? variablesError = ReadVariables(fields, values);
            if (variablesError is not null)
            {
                return ProviderOutcome.Refused(ProviderAnswer.SendFailed, variablesError);
            }

            List<string> missing = template.MissingVariables(values);
            if (missing.Count > 0)
            {
                return ProviderOutcome.Refused(ProviderAnswer.SendFailed, "发送失败，缺少变量 #" + string.Join("#、#", missing) + "#");
            }

            string signature = template.SignatureFor(Signature);
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (EnforceFrequencyLimits && !_limiter.IsAllowed(mobile, signature, now))
            {
                return ProviderOutcome.Refused(ProviderAnswer.TooFrequent);
            }

            string text = template.RenderMessage(Signature, values);
            int segments = SmsLength.CountSegments(text);
            string sid = Guid.NewGuid().ToString("N");
            _limiter.Record(mobile, signature, now);
            return ProviderOutcome.Accepted(new SentSms(mobile, tplId, text, signature, segments, sid, ext, values, now, method.ToUpperInvariant()));
        }

        private static string? ReadVariables(IReadOnlyDictionary<string, string> fields, Dictionary<string, string> values)
        {
            bool hasVars = fields.TryGetValue("vars", out string? vars) && vars.Length > 0;
            bool hasTplValue = fields.TryGetValue("tpl_value", out string? tplValue) && tplValue.Length > 0;
            if (hasVars && hasTplValue)
            {
                return "发送失败，vars 与 tpl_value 只能二选一";
            }

            if (hasVars)
            {
                return VarsParser.TryParse(vars!, values);
            }

            return hasTplValue ? FormCodec.TryParseTplValue(tplValue!, values) : null;
        }
    }
}
