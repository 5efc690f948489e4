using System;
using System.Collections.Generic;

namespace JuheSms
{
    /// <summary>One SMS to send: the mobile number, the approved template's id and its variables.</summary>
    public sealed class SmsMessage
    {
        /// <summary>Creates a message.</summary>
        /// <param name="mobile">A mainland China mobile number (11 digits starting <c>1[3-9]</c>; <c>+86</c>, spaces and dashes are allowed).</param>
        /// <param name="tplId">The approved template's id (<c>tpl_id</c>).</param>
        /// <param name="variables">The template's variables, names without the <c>#</c>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="mobile"/> or <paramref name="variables"/> is null.</exception>
        public SmsMessage(string mobile, int tplId, IReadOnlyDictionary<string, string> variables)
        {
            Mobile = mobile ?? throw new ArgumentNullException(nameof(mobile));
            TplId = tplId;
            Variables = variables ?? throw new ArgumentNullException(nameof(variables));
        }

        /// <summary>The receiving mobile number, as given.</summary>
        public string Mobile { get; }

        /// <summary>The template id (<c>tpl_id</c>).</summary>
        public int TplId { get; }

        /// <summary>The template variables, names without the <c>#</c>.</summary>
        public IReadOnlyDictionary<string, string> Variables { get; }

        /// <summary>The optional extension code (<c>ext</c>): 1–9 digits.</summary>
        public string? Ext { get; set; }

        /// <summary>The template's kind when known (the generated methods set it); marketing rules apply to <see cref="SmsTemplateKind.Marketing"/>.</summary>
        public SmsTemplateKind Kind { get; set; }
    }
}
