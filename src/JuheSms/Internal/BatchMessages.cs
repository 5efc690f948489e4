using System;

namespace JuheSms.Internal
{
    /// <summary>How both forms of <c>SendManyAsync</c> make the message of one number.</summary>
    internal static class BatchMessages
    {
        /// <summary>
        /// The message <paramref name="createMessage"/> makes for <paramref name="mobile"/>, marked as part of
        /// <paramref name="batch"/> and, with a <paramref name="batchId"/>, keyed <c>{BatchId}:{mobile}</c> unless it has a key already.
        /// </summary>
        /// <exception cref="ArgumentException">The factory returned null.</exception>
        public static SmsMessage Create(Func<string, SmsMessage> createMessage, string? mobile, string? batchId, SmsBatchContext batch)
        {
            SmsMessage message = createMessage(mobile!)
                ?? throw new ArgumentException(Strings.BatchFactoryReturnedNull, "createMessage");
            message.Batch = batch;
            if (batchId is not null && message.IdempotencyKey is null)
            {
                message.IdempotencyKey = IdempotencyKeyRules.BatchKey(batchId, mobile);
            }

            return message;
        }

        /// <summary>The factory of the overloads that copy a template message for each number.</summary>
        public static Func<string, SmsMessage> CopyOf(SmsMessage template)
            => mobile => new SmsMessage(mobile, template.TplId, template.Variables) { Ext = template.Ext, Kind = template.Kind };
    }
}
