using System;
using System.Collections.Generic;

namespace JuheSms.Testing
{
    /// <summary>A message the <see cref="JuheSmsSandbox"/> accepted: what the phone would show and what it would cost.</summary>
    public sealed class SentSms
    {
        /// <summary>Creates a record of an accepted send (the sandbox makes these; public for tests that build expectations).</summary>
        public SentSms(
            string mobile,
            int tplId,
            string text,
            string signature,
            int segments,
            string sid,
            string? ext,
            IReadOnlyDictionary<string, string> variables,
            DateTimeOffset timestamp,
            string method)
        {
            Mobile = mobile ?? throw new ArgumentNullException(nameof(mobile));
            TplId = tplId;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Signature = signature ?? throw new ArgumentNullException(nameof(signature));
            Segments = segments;
            Sid = sid ?? throw new ArgumentNullException(nameof(sid));
            Ext = ext;
            Variables = variables ?? throw new ArgumentNullException(nameof(variables));
            Timestamp = timestamp;
            Method = method ?? throw new ArgumentNullException(nameof(method));
        }

        /// <summary>The receiving number, normalised to 11 digits (a <c>+86</c>/<c>86</c>/<c>0086</c> prefix, spaces and dashes removed).</summary>
        public string Mobile { get; }

        /// <summary>The template id (<c>tpl_id</c>).</summary>
        public int TplId { get; }

        /// <summary>The rendered message, signature included: exactly what the phone would show and what is billed.</summary>
        public string Text { get; }

        /// <summary>The signature the message carried (<c>【…】</c>), the key of the carriers' frequency limits with <see cref="Mobile"/>.</summary>
        public string Signature { get; }

        /// <summary>Billed messages (<c>fee</c>): <see cref="SmsLength.CountSegments(string)"/> of <see cref="Text"/>.</summary>
        public int Segments { get; }

        /// <summary>The message id answered (<c>sid</c>, 32 lower-case hex characters).</summary>
        public string Sid { get; }

        /// <summary>The extension code (<c>ext</c>), or null when the request had none.</summary>
        public string? Ext { get; }

        /// <summary>The decoded variables as received (from <c>vars</c> or <c>tpl_value</c>), names without <c>#</c>.</summary>
        public IReadOnlyDictionary<string, string> Variables { get; }

        /// <summary>When the sandbox accepted it, from its <see cref="TimeProvider"/>.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>The HTTP method of the request (<c>GET</c> or <c>POST</c>): a client should use POST, which keeps the key out of URLs.</summary>
        public string Method { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Mobile} tpl_id={TplId} fee={Segments} sid={Sid}: {Text}";
    }
}
