using System;
using System.Collections.Generic;

namespace JuheSms
{
    /// <summary>One SMS to send: the mobile number, the approved template's id and its variables.</summary>
    public sealed class SmsMessage
    {
        /// <summary>The longest <see cref="IdempotencyKey"/>: 200 characters.</summary>
        public const int MaxIdempotencyKeyLength = 200;

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

        /// <summary>
        /// Optional. Makes the send safe to repeat when the client has an idempotency store (<see cref="ISmsIdempotencyStore"/>,
        /// <c>AddInMemoryIdempotency()</c> / <c>AddRedisIdempotency(...)</c>): a key whose send was accepted returns that first
        /// <see cref="SmsSendResult"/> again without a request; a key whose earlier send may have been accepted throws
        /// <see cref="SmsIdempotencyConflictException"/>; a key whose earlier send was certainly not sent is sent again.
        /// 1 to <see cref="MaxIdempotencyKeyLength"/> characters, no control characters (checked before any network call,
        /// <see cref="ArgumentException"/> naming <c>idempotencyKey</c>). Use a value tied to the business event (an order id, a
        /// job's message id), never a fresh <see cref="Guid"/> per attempt. Ignored by a client without a store.
        /// </summary>
        public string? IdempotencyKey { get; set; }

        /// <summary>Set by <c>SendManyAsync</c> on the messages it sends: the batch they belong to (rule 4), or null for a single send.</summary>
        internal Internal.SmsBatchContext? Batch { get; set; }
    }
}
